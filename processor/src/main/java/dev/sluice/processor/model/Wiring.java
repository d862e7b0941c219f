package dev.sluice.processor.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stages of a pipeline as a directed graph of names, records flowing from each stage to the
 * stages that read it. Plain Java, shared by validation (on declarations, where some names may be
 * unknown: edges from unknown names are ignored) and planning. Every answer lists stages in
 * declaration order, so that messages and generated code are deterministic.
 */
public final class Wiring {

  private final Map<String, List<String>> reads;
  private final Map<String, List<String>> readers;

  private Wiring(Map<String, List<String>> reads) {
    this.reads = reads;
    Map<String, List<String>> readersOf = new LinkedHashMap<>();
    reads.keySet().forEach(name -> readersOf.put(name, new ArrayList<>()));
    reads.forEach(
        (reader, sources) -> {
          for (String source : sources) {
            List<String> list = readersOf.get(source);
            if (list != null && !list.contains(reader)) {
              list.add(reader);
            }
          }
        });
    this.readers = readersOf;
  }

  /** Starts a wiring; stages are added in declaration order. */
  public static Builder builder() {
    return new Builder();
  }

  /** The stages that read {@code name}, in declaration order. */
  public List<String> readers(String name) {
    return List.copyOf(readers.getOrDefault(name, List.of()));
  }

  /**
   * The stages from which records reach one of {@code sinks}, the sinks included, in declaration
   * order: the stages that are computed (every other stage is dead, as in Spark).
   */
  public Set<String> feeding(Collection<String> sinks) {
    Set<String> reached = new LinkedHashSet<>();
    Deque<String> work = new ArrayDeque<>(sinks);
    while (!work.isEmpty()) {
      String name = work.pop();
      if (reads.containsKey(name) && reached.add(name)) {
        work.addAll(reads.get(name));
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    for (String name : reads.keySet()) {
      if (reached.contains(name)) {
        ordered.add(name);
      }
    }
    return ordered;
  }

  /**
   * One cycle per strongly connected group of stages that read each other, each in the direction
   * records flow, starting and ending at its first-declared stage: {@code [a, b, a]}. Groups are
   * listed by their first-declared stage.
   */
  public List<List<String>> cycles() {
    List<List<String>> cycles = new ArrayList<>();
    Set<String> inCycle = new LinkedHashSet<>();
    for (String start : reads.keySet()) {
      if (inCycle.contains(start)) {
        continue;
      }
      List<String> cycle = cycleThrough(start);
      if (!cycle.isEmpty()) {
        cycles.add(cycle);
        inCycle.addAll(componentOf(start));
      }
    }
    return cycles;
  }

  /** The shortest path of readers from {@code start} back to itself, or empty. */
  private List<String> cycleThrough(String start) {
    Map<String, String> previous = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      String name = queue.poll();
      for (String reader : readers.get(name)) {
        if (reader.equals(start)) {
          List<String> path = new ArrayList<>();
          path.add(start);
          for (String at = name; !at.equals(start); at = previous.get(at)) {
            path.add(1, at);
          }
          path.add(start);
          return path;
        }
        if (!previous.containsKey(reader)) {
          previous.put(reader, name);
          queue.add(reader);
        }
      }
    }
    return List.of();
  }

  /** The stages both reachable from {@code start} and reaching it. */
  private Set<String> componentOf(String start) {
    Set<String> downstream = closure(start, readers);
    Set<String> upstream = closure(start, reads);
    downstream.retainAll(upstream);
    return downstream;
  }

  private static Set<String> closure(String start, Map<String, List<String>> edges) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> work = new ArrayDeque<>();
    work.add(start);
    while (!work.isEmpty()) {
      for (String next : edges.getOrDefault(work.pop(), List.of())) {
        if (edges.containsKey(next) && seen.add(next)) {
          work.add(next);
        }
      }
    }
    return seen;
  }

  /** Collects stages in declaration order; a repeated name keeps its first declaration. */
  public static final class Builder {
    private final Map<String, List<String>> reads = new LinkedHashMap<>();

    private Builder() {}

    /** Adds stage {@code name} reading {@code from}. */
    public Builder add(String name, List<String> from) {
      reads.putIfAbsent(name, List.copyOf(from));
      return this;
    }

    /** The wiring of the stages added so far. */
    public Wiring build() {
      Map<String, List<String>> known = new LinkedHashMap<>();
      reads.forEach(
          (name, from) ->
              known.put(name, from.stream().filter(reads::containsKey).distinct().toList()));
      return new Wiring(known);
    }
  }
}
