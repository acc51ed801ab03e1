package dev.kqlhunt.rmm;

import java.util.List;
import java.util.Objects;

/**
 * One fact that identifies a tool, with where it came from and how far a detection may rely on it.
 * Every record validates its values in its constructor, so an indicator that exists is well formed.
 */
public sealed interface Indicator {
  IndicatorKind kind();

  Confidence confidence();

  Provenance provenance();

  /**
   * PE version information of a process image. Within one entry every non-empty field must match (AND);
   * the values listed for one field are alternatives (OR); separate entries are alternatives (OR).
   * Values match as Kusto {@code has} terms, like the jischell rules.
   */
  record PeVersionInfo(
      List<String> company,
      List<String> product,
      List<String> originalFileName,
      Confidence confidence,
      Provenance provenance)
      implements Indicator {
    public PeVersionInfo {
      company = Require.nonBlankList(company, "company");
      product = Require.nonBlankList(product, "product");
      originalFileName = Require.nonBlankList(originalFileName, "originalFileName");
      if (company.isEmpty() && product.isEmpty() && originalFileName.isEmpty()) {
        throw new IllegalArgumentException("peVersionInfo needs company, product or originalFileName");
      }
      checkCommon(confidence, provenance);
    }

    @Override
    public IndicatorKind kind() {
      return IndicatorKind.PE_VERSION_INFO;
    }
  }

  /** A process image file name, compared case-insensitively; {@code *} is a wildcard. */
  record ProcessName(String name, Confidence confidence, Provenance provenance) implements Indicator {
    public ProcessName {
      Require.nonBlank(name, "process name");
      if (name.contains("\\") || name.contains("/")) {
        throw new IllegalArgumentException("process name contains a path separator: " + name);
      }
      checkCommon(confidence, provenance);
    }

    @Override
    public IndicatorKind kind() {
      return IndicatorKind.PROCESS_NAME;
    }
  }

  /**
   * A file or folder path with environment variables already expanded ({@code %ProgramFiles%} becomes
   * {@code C:\Program Files}); {@code *} is a wildcard, a trailing separator names a folder.
   */
  record Path(String path, Confidence confidence, Provenance provenance) implements Indicator {
    private static final java.util.regex.Pattern ENV_VARIABLE =
        java.util.regex.Pattern.compile("%[A-Za-z_][A-Za-z0-9_()]*%");

    public Path {
      Require.nonBlank(path, "path");
      if (ENV_VARIABLE.matcher(path).find()) {
        throw new IllegalArgumentException("path still holds an environment variable: " + path);
      }
      checkCommon(confidence, provenance);
    }

    @Override
    public IndicatorKind kind() {
      return IndicatorKind.PATH;
    }
  }

  /** The subject name of a code-signing certificate, matched as a Kusto {@code has} term. */
  record Signer(String name, Confidence confidence, Provenance provenance) implements Indicator {
    public Signer {
      Require.nonBlank(name, "signer");
      checkCommon(confidence, provenance);
    }

    @Override
    public IndicatorKind kind() {
      return IndicatorKind.SIGNER;
    }
  }

  /** A remote host the tool talks to (see {@link DomainPattern}) and the ports, when known. */
  record Domain(String domain, List<Integer> ports, Confidence confidence, Provenance provenance)
      implements Indicator {
    public Domain {
      Objects.requireNonNull(domain, "domain is null");
      if (!DomainPattern.isValid(domain)) {
        throw new IllegalArgumentException("not a host name or *.suffix pattern: '" + domain + "'");
      }
      ports = List.copyOf(ports);
      for (int p : ports) {
        if (p < 1 || p > 65535) {
          throw new IllegalArgumentException("port out of range: " + p);
        }
      }
      checkCommon(confidence, provenance);
    }

    @Override
    public IndicatorKind kind() {
      return IndicatorKind.DOMAIN;
    }
  }

  /**
   * A registry key with its hive spelled out as Defender reports it ({@code HKEY_LOCAL_MACHINE\...});
   * {@code *} is a wildcard.
   */
  record RegistryKey(String key, Confidence confidence, Provenance provenance) implements Indicator {
    public RegistryKey {
      Require.nonBlank(key, "registry key");
      if (!key.startsWith("HKEY_")) {
        throw new IllegalArgumentException("registry key does not start with a full hive name: " + key);
      }
      checkCommon(confidence, provenance);
    }

    @Override
    public IndicatorKind kind() {
      return IndicatorKind.REGISTRY_KEY;
    }
  }

  /** The name of a Windows service the tool installs, compared case-insensitively. */
  record ServiceName(String name, Confidence confidence, Provenance provenance) implements Indicator {
    public ServiceName {
      Require.nonBlank(name, "service name");
      checkCommon(confidence, provenance);
    }

    @Override
    public IndicatorKind kind() {
      return IndicatorKind.SERVICE_NAME;
    }
  }

  private static void checkCommon(Confidence confidence, Provenance provenance) {
    Objects.requireNonNull(confidence, "confidence is null");
    Objects.requireNonNull(provenance, "provenance is null");
  }
}
