package dev.sluice.processor.model;

/**
 * A method of the pipeline class that an operator annotation names besides the stage method: the
 * inverse and filter of an incremental window, the combiner functions of {@code @CombineByKey}.
 */
public enum Helper {
  /** {@code inverse}: removes a value from a windowed reduce. */
  INVERSE("inverse"),
  /** {@code filter}: keeps a key in a windowed reduce by key. */
  FILTER("filter"),
  /** {@code createCombiner}: makes a key's first value a combiner. */
  CREATE_COMBINER("createCombiner"),
  /** {@code mergeValue}: adds a value to a combiner. */
  MERGE_VALUE("mergeValue");

  private final String member;

  Helper(String member) {
    this.member = member;
  }

  /** The annotation member naming the method, such as {@code inverse}. */
  public String member() {
    return member;
  }
}
