package dev.sluice.processor.run;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.sluice.api.BatchSource;
import dev.sluice.api.Sink;
import dev.sluice.processor.Compilations;
import dev.sluice.runtime.PipelineBuilder;
import dev.sluice.runtime.internal.PipelineProgram;
import dev.sluice.runtime.internal.TaskContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * A pipeline compiled in memory by the processor, whose generated program is run directly through
 * the runtime's seam ({@code PipelineProgram.runTask}), one batch at a time, on the calling thread:
 * the engine is not needed to check that generated code computes the right records.
 */
final class CompiledPipeline {

  private final ClassLoader loader;
  private final String pipelineClass;

  private CompiledPipeline(ClassLoader loader, String pipelineClass) {
    this.loader = loader;
    this.pipelineClass = pipelineClass;
  }

  /** Compiles {@code sources}, which declare the pipeline class {@code qualifiedName}. */
  static CompiledPipeline compile(String qualifiedName, JavaFileObject... sources) {
    Compilation compilation = Compilations.compile(sources);
    assertThat(compilation).succeeded();
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String binaryName =
            file.getName()
                .replaceAll("^.*CLASS_OUTPUT/", "")
                .replace(".class", "")
                .replace('/', '.');
        classes.put(binaryName, bytes(file));
      }
    }
    return new CompiledPipeline(new MemoryClassLoader(classes), qualifiedName);
  }

  /** A class of the compilation. */
  Class<?> load(String binaryName) throws ClassNotFoundException {
    return loader.loadClass(binaryName);
  }

  /** The value of static field {@code field} of the pipeline class. */
  Object staticField(String field) throws ReflectiveOperationException {
    java.lang.reflect.Field declared = load(pipelineClass).getDeclaredField(field);
    declared.setAccessible(true);
    return declared.get(null);
  }

  /** A new builder from the generated {@code builder()}. */
  PipelineBuilder<?> builder() throws ReflectiveOperationException {
    return (PipelineBuilder<?>) load(pipelineClass + "Pipeline").getMethod("builder").invoke(null);
  }

  /**
   * The program the builder creates for {@code parallelism}, with {@code inputs} bound as batch
   * sources that are never asked (records are passed to {@link #run}) and every output bound to a
   * sink that is never called.
   */
  Program program(int parallelism) throws ReflectiveOperationException {
    PipelineBuilder<?> builder = builder();
    BatchSource<Object> none = time -> List.of();
    Sink<Object> ignored = batch -> {};
    builder.inputs().forEach(port -> builder.bindInput(port.name(), none));
    builder.outputs().forEach(port -> builder.bindOutput(port.name(), ignored));
    return new Program(createProgram(builder, parallelism), parallelism);
  }

  /** Calls the protected {@code createProgram} as {@code build()} would. */
  static PipelineProgram createProgram(PipelineBuilder<?> builder, int parallelism)
      throws ReflectiveOperationException {
    Method create = PipelineBuilder.class.getDeclaredMethod("createProgram", int.class);
    create.setAccessible(true);
    try {
      return (PipelineProgram) create.invoke(builder, parallelism);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  /** A generated program and the parallelism it was created for. */
  record Program(PipelineProgram program, int parallelism) {

    /**
     * Runs one batch: splits each input's records into {@code parallelism} contiguous partitions,
     * runs every task of every segment in order, and returns each output's partitions, as the
     * engine would hand them to the sinks.
     */
    List<List<List<Object>>> run(List<List<?>> inputs) {
      return run(inputs, 0, 0);
    }

    /** {@link #run(List)} as batch {@code batchIndex} at {@code batchTime}. */
    List<List<List<Object>>> run(List<List<?>> inputs, long batchIndex, long batchTime) {
      List<List<List<?>>> partitioned = new ArrayList<>();
      for (List<?> records : inputs) {
        List<List<?>> partitions = new ArrayList<>();
        int size = records.size();
        for (int p = 0; p < parallelism; p++) {
          partitions.add(records.subList(size * p / parallelism, size * (p + 1) / parallelism));
        }
        partitioned.add(partitions);
      }
      List<List<List<Object>>> outputs = new ArrayList<>();
      program
          .outputs()
          .forEach(
              slot -> {
                List<List<Object>> partitions = new ArrayList<>();
                for (int p = 0; p < slot.partitions(); p++) {
                  partitions.add(new ArrayList<>());
                }
                outputs.add(partitions);
              });
      TaskContext context =
          new TaskContext() {
            @Override
            public long batchTime() {
              return batchTime;
            }

            @Override
            public long batchIndex() {
              return batchIndex;
            }

            @Override
            @SuppressWarnings("unchecked") // the test feeds each input the records it declares
            public <T> List<T> input(int input, int partition) {
              return (List<T>) partitioned.get(input).get(partition);
            }

            @Override
            @SuppressWarnings("unchecked") // outputs collect whatever the program adds
            public <T> List<T> output(int output, int partition) {
              return (List<T>) outputs.get(output).get(partition);
            }
          };
      for (int segment = 0; segment < program.segments().size(); segment++) {
        for (int task = 0; task < program.segments().get(segment).tasks(); task++) {
          program.runTask(segment, task, context);
        }
      }
      return outputs;
    }
  }

  private static byte[] bytes(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Defines the compiled classes, delegating everything else to the test's class path. */
  private static final class MemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    MemoryClassLoader(Map<String, byte[]> classes) {
      super(CompiledPipeline.class.getClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
