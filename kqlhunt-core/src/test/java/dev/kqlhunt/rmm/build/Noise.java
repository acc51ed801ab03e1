package dev.kqlhunt.rmm.build;

import dev.kqlhunt.rmm.Confidence;
import dev.kqlhunt.rmm.DomainPattern;
import java.util.Locale;
import java.util.Set;

/**
 * The judgement calls that decide an indicator's confidence: which terms are too generic to identify a
 * tool, which binaries ship with Windows, which domains are shared infrastructure. Every list here is a
 * catalog correction documented in docs/RMM.md.
 */
final class Noise {
  private Noise() {}

  /** Words that name a role, not a product ("launch", "viewer", "Remote"): low confidence alone. */
  static final Set<String> GENERIC_TERMS =
      Set.of(
          "launch", "launcher", "viewer", "remote", "client", "agent", "service", "server", "host",
          "setup", "install", "installer", "update", "updater", "helper", "support", "console",
          "connect", "rmm", "manager", "monitor", "remote monitoring", "endpoint manager", "rm service",
          "admin", "desktop", "remotedesktop", "control", "app", "main", "run", "start", "tray", "core",
          "svc", "uninstall", "unins000", "setup_x64", "winvnc", "vncviewer", "vncserver", "putty",
          "cloud.ra", "remote desktop", "remote control", "remote access", "remote support",
          // PuTTY's command-line tools ship inside many products (Freshservice's probe bundles
          // plink.exe): evidence of none of them. A "support tool" names a role, not a product.
          "plink", "pscp", "psftp", "supporttool",
          // Words or names that other software uses too: upload/recycler/closeapp/httpget (Vizor's
          // helpers), appcore, rhost, pservice; rdesktop and tsclient are open-source RDP clients of
          // those names; sysdiag.exe is Huorong's antivirus; WinRing0 is a hardware-access driver
          // that many monitoring tools install (listed for Atera).
          "upload", "recycler", "closeapp", "httpget", "httppush", "appcore", "rhost", "pservice",
          "rdesktop", "tsclient", "sysdiag", "winring0_1_2_0",
          // The default name of every InstallShield-built installer (listed for ManageEngine).
          "installshield setup");

  /** Windows binaries that every host runs: never evidence of a third-party tool. */
  static final Set<String> WINDOWS_BINARIES =
      Set.of(
          "mstsc.exe", "cmd.exe", "powershell.exe", "pwsh.exe", "msiexec.exe", "svchost.exe",
          "rundll32.exe", "explorer.exe", "conhost.exe", "regsvr32.exe", "wscript.exe", "cscript.exe",
          "quickassist.exe", "msra.exe", "rdpclip.exe", "services.exe", "dllhost.exe", "taskhostw.exe",
          "tstheme.exe", "rdpinit.exe", "rdpshell.exe", "wmic.exe", "net.exe", "sc.exe", "ssh.exe",
          "scp.exe", "sftp.exe", "curl.exe");

  /** Registrable domains of shared hosting, CDNs, clouds and download portals. */
  static final Set<String> SHARED_DOMAINS =
      Set.of(
          "github.com", "githubusercontent.com", "amazonaws.com", "cloudfront.net", "windows.net",
          "azurewebsites.net", "azureedge.net", "googleapis.com", "google.com", "googleusercontent.com",
          "gstatic.com", "microsoft.com", "live.com", "office.com", "cloudflare.com",
          "cloudflarestorage.com", "softonic.com", "sourceforge.net", "cnet.com", "dropbox.com",
          "akamaized.net", "akamai.net", "herokuapp.com", "firebaseio.com", "appspot.com",
          "digitaloceanspaces.com", "pubnubapi.com", "pubnub.com", "zmazonaws.com", "apple.com",
          "icloud.com", "gitlab.com", "bitbucket.org",
          "visualstudio.com", "msedge.net", "core.windows.net", "ghcr.io", "docker.io", "docker.com",
          "npmjs.org", "npmjs.com", "pypi.org", "nuget.org", "gitlab.io", "github.io",
          "r2.cloudflarestorage.com", "blob.core.windows.net", "servicebus.windows.net",
          "s3.amazonaws.com", "cloudapp.net", "cloudapp.azure.com");

  /** True when {@code term} (any case, with or without {@code .exe}) is generic or shorter than 4. */
  static boolean isGenericTerm(String term) {
    String t = term.toLowerCase(Locale.ROOT).strip();
    if (t.endsWith(".exe")) {
      t = t.substring(0, t.length() - 4);
    }
    String letters = t.replaceAll("[^\\p{L}\\p{N}]", "");
    return letters.length() <= 3 || GENERIC_TERMS.contains(t);
  }

  /** Confidence of a process image name read from LOLRMM. */
  static Confidence processName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (WINDOWS_BINARIES.contains(n) || isGenericTerm(n) || n.equals("*.exe") || n.startsWith("*")) {
      return Confidence.LOW;
    }
    return Confidence.MEDIUM;
  }

  /** Download portals: every host under them is a page about some product. */
  static final Set<String> DOWNLOAD_PORTALS =
      Set.of("softonic.com", "informer.com", "cnet.com", "sourceforge.net", "softpedia.com", "uptodown.com",
          "filehippo.com", "majorgeeks.com");

  /** Sites of catalog tools whose domains LOLRMM also lists under other tools that use or recommend them. */
  static final Set<String> OTHER_TOOL_SITES = Set.of("tailscale.com", "splashtop.com");

  /** First labels of hosts that serve a vendor's web site to browsers, not its agents. */
  static final Set<String> WEB_HOST_LABELS =
      Set.of("www", "docs", "doc", "support", "help", "kb", "blog", "community", "forum", "forums",
          "knowledge", "learn", "academy", "status", "shop", "store");

  /**
   * Confidence of a domain: low when it is, or is a suffix pattern on, a shared registrable domain
   * ({@code github.com}, {@code *.amazonaws.com}), unless it is the tool's own site ({@code
   * toolSite}, the registrable domain of its web site: ngrok's {@code ngrok.io} is evidence of ngrok);
   * low for a vendor's web pages ({@code www.}, {@code docs.}, {@code support.}: browsing them is no
   * evidence of the tool). A specific host under shared infrastructure
   * ({@code remotedesktop-pa.googleapis.com}) keeps {@code normal}.
   */
  static Confidence domain(String pattern, Confidence normal, String toolSite) {
    String base = DomainPattern.baseHost(pattern);
    String registrable = registrable(base);
    // A product page on a download portal (weezo.en.softonic.com) is browsing, not use; a domain of
    // another catalog tool (Tactical RMM lists login.tailscale.com, TiFlux my.splashtop.com) is
    // evidence of that tool, which has its own entry.
    if (DOWNLOAD_PORTALS.contains(registrable)
        || (OTHER_TOOL_SITES.contains(registrable) && !registrable.equals(toolSite))) {
      return Confidence.LOW;
    }
    String first = base.substring(0, base.indexOf('.'));
    if (!DomainPattern.isSuffix(pattern) && !base.equals(registrable) && WEB_HOST_LABELS.contains(first)) {
      return Confidence.LOW;
    }
    // A tool whose site is on shared hosting (a GitHub project) gets no exemption for it.
    if (registrable.equals(toolSite) && !SHARED_DOMAINS.contains(toolSite)) {
      return normal;
    }
    // Below a shared domain only a named host is specific: remotedesktop-pa.googleapis.com and
    // *.rel.tunnels.api.visualstudio.com identify a tool, github.com and *.amazonaws.com do not.
    if (SHARED_DOMAINS.contains(base) || (SHARED_DOMAINS.contains(registrable) && base.equals(registrable))
        || base.startsWith("raw.")) {
      return Confidence.LOW;
    }
    return normal;
  }

  /** The registrable domain of a web site URL, or "" when there is none. */
  static String site(String url) {
    String host = url.replaceFirst("^[a-zA-Z]+://", "").replaceFirst("[/:?#].*$", "").toLowerCase(Locale.ROOT);
    return host.contains(".") ? registrable(host) : "";
  }

  /** The last two labels of a host (three for two-letter second levels under a country code). */
  static String registrable(String host) {
    String[] labels = host.split("\\.");
    int n = labels.length;
    if (n <= 2) {
      return host;
    }
    boolean countrySecondLevel = labels[n - 1].length() == 2 && labels[n - 2].length() <= 3;
    int keep = countrySecondLevel ? 3 : 2;
    return String.join(".", java.util.Arrays.copyOfRange(labels, n - keep, n));
  }
}
