package dev.sluice.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Supplies the {@link dev.sluice.api.Codec} of a type that state snapshots must encode and Sluice
 * cannot encode by itself. The processor generates codecs for primitives and their boxes, {@code
 * String}, enums, records, and {@code List}, {@code Optional} and {@code Map} of those; for any
 * other type of a stateful stage's keys, states, window values or windowed records (or inside
 * them), declare a codec:
 *
 * <pre>{@code
 * record Session(String user, Set<String> pages) {}
 *
 * @StateCodec
 * static Codec<Set<String>> pageSets() {
 *   Codec<List<String>> list = Codecs.list(Codecs.string());
 *   return new Codec<>() {
 *     public void write(Set<String> pages, DataOutput out) throws IOException {
 *       list.write(List.copyOf(pages), out);
 *     }
 *     public Set<String> read(DataInput in) throws IOException {
 *       return new LinkedHashSet<>(list.read(in));
 *     }
 *   };
 * }
 * }</pre>
 *
 * <p>Signature: {@code static Codec<T> name()} in the pipeline class, not private, for one concrete
 * {@code T}; at most one per type. The processor calls it once and uses the codec wherever {@code
 * T} is encoded, also inside records, lists, optionals and maps, in place of what it would
 * generate. The codec never sees {@code null}: Sluice writes a null flag around it where a value
 * may be null. What it writes is part of the checkpoint format of the stage: keep it readable
 * across versions.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface StateCodec {}
