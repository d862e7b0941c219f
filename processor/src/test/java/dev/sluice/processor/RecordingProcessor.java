package dev.sluice.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Runs {@link SluiceProcessor} with a filer that records the names of the source files it creates,
 * so tests can tell that a pipeline with errors generated nothing (compile-testing hides the
 * generated files of a failed compilation).
 */
public final class RecordingProcessor extends AbstractProcessor {

  private final Processor delegate;
  private final List<String> created = new ArrayList<>();

  /** Records what a plain {@link SluiceProcessor} creates. */
  public RecordingProcessor() {
    this(new SluiceProcessor());
  }

  /** Records what {@code delegate} creates. */
  RecordingProcessor(SluiceProcessor delegate) {
    this.delegate = delegate;
  }

  /** The source files created so far, by qualified name. */
  public List<String> created() {
    return List.copyOf(created);
  }

  @Override
  public synchronized void init(ProcessingEnvironment environment) {
    super.init(environment);
    delegate.init(new Recording(environment));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  private final class Recording implements ProcessingEnvironment, Filer {
    private final ProcessingEnvironment environment;

    Recording(ProcessingEnvironment environment) {
      this.environment = environment;
    }

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
        throws IOException {
      created.add(name.toString());
      return environment.getFiler().createSourceFile(name, originatingElements);
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
        throws IOException {
      created.add(name.toString());
      return environment.getFiler().createClassFile(name, originatingElements);
    }

    @Override
    public FileObject createResource(
        JavaFileManager.Location location,
        CharSequence moduleAndPkg,
        CharSequence relativeName,
        Element... originatingElements)
        throws IOException {
      created.add(relativeName.toString());
      return environment
          .getFiler()
          .createResource(location, moduleAndPkg, relativeName, originatingElements);
    }

    @Override
    public FileObject getResource(
        JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName)
        throws IOException {
      return environment.getFiler().getResource(location, moduleAndPkg, relativeName);
    }

    @Override
    public Map<String, String> getOptions() {
      return environment.getOptions();
    }

    @Override
    public Messager getMessager() {
      return environment.getMessager();
    }

    @Override
    public Filer getFiler() {
      return this;
    }

    @Override
    public Elements getElementUtils() {
      return environment.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return environment.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return environment.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return environment.getLocale();
    }
  }
}
