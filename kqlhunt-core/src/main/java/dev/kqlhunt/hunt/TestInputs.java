package dev.kqlhunt.hunt;

import dev.kqlhunt.text.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a rule test file's rule, exclusions and row files are read from: the file system (paths
 * already resolved by {@link dev.kqlhunt.rules.testing.RuleTestLoader}), or the bundled content
 * (paths as written, resolved here against the test file's folder inside the bundle).
 */
public sealed interface TestInputs {
  SourceText read(Path path) throws IOException;

  InputStream open(Path path) throws IOException;

  /** A display name for {@code path}. */
  String name(Path path);

  /** Files on disk. */
  record Disk() implements TestInputs {
    @Override
    public SourceText read(Path path) throws IOException {
      return SourceText.of(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    }

    @Override
    public InputStream open(Path path) throws IOException {
      return Files.newInputStream(path);
    }

    @Override
    public String name(Path path) {
      return path.toString();
    }
  }

  /** Bundled files; {@code folder} is the test file's folder relative to the content root. */
  record Bundled(String folder) implements TestInputs {
    @Override
    public SourceText read(Path path) throws IOException {
      String p = resolve(path);
      if (!BundledContent.exists(p)) throw new IOException("no bundled file " + p);
      return BundledContent.read(p);
    }

    @Override
    public InputStream open(Path path) throws IOException {
      String p = resolve(path);
      if (!BundledContent.exists(p)) throw new IOException("no bundled file " + p);
      return BundledContent.open(p);
    }

    @Override
    public String name(Path path) {
      return BundledContent.PREFIX + resolve(path);
    }

    private String resolve(Path path) {
      return Path.of(folder).resolve(path).normalize().toString().replace('\\', '/');
    }
  }
}
