package dev.kqlhunt.sample;

import java.util.List;
import java.util.Objects;

/**
 * An executable as Defender describes it in DeviceProcessEvents: where it lives and its PE version
 * information. Empty strings stand for version info the binary does not carry.
 */
public record ProcessImage(
    String folder,
    String fileName,
    String company,
    String product,
    String productVersion,
    String originalFileName,
    String description) {

  public ProcessImage {
    Objects.requireNonNull(folder, "folder is null");
    Objects.requireNonNull(fileName, "fileName is null");
    Objects.requireNonNull(company, "company is null");
    Objects.requireNonNull(product, "product is null");
    Objects.requireNonNull(productVersion, "productVersion is null");
    Objects.requireNonNull(originalFileName, "originalFileName is null");
    Objects.requireNonNull(description, "description is null");
  }

  public String path() {
    return folder.endsWith("\\") ? folder + fileName : folder + "\\" + fileName;
  }

  public ProcessImage withVersionInfo(String company, String product, String originalFileName) {
    return new ProcessImage(folder, fileName, company, product, productVersion, originalFileName, description);
  }

  public ProcessImage withLocation(String folder, String fileName) {
    return new ProcessImage(folder, fileName, company, product, productVersion, originalFileName, description);
  }

  private static final String MS = "Microsoft Corporation";
  private static final String WINDOWS = "Microsoft\u00ae Windows\u00ae Operating System";
  private static final String SYS32 = "C:\\Windows\\System32";

  private static ProcessImage windows(String file, String description) {
    return new ProcessImage(SYS32, file, MS, WINDOWS, "10.0.19041.3636", originalName(file), description);
  }

  private static String originalName(String file) {
    // Windows binaries carry their original name in the case Microsoft built them with, often ".EXE".
    return switch (file) {
      case "cmd.exe" -> "Cmd.Exe";
      case "powershell.exe" -> "PowerShell.EXE";
      case "svchost.exe" -> "svchost.exe";
      default -> file.replace(".exe", ".EXE");
    };
  }

  /** Everyday Windows and application images: the background of a fleet. None is an RMM tool. */
  public static final List<ProcessImage> COMMON =
      List.of(
          windows("svchost.exe", "Host Process for Windows Services"),
          windows("cmd.exe", "Windows Command Processor"),
          windows("conhost.exe", "Console Window Host"),
          windows("powershell.exe", "Windows PowerShell").withLocation(SYS32 + "\\WindowsPowerShell\\v1.0", "powershell.exe"),
          windows("rundll32.exe", "Windows host process (Rundll32)"),
          windows("taskhostw.exe", "Host Process for Windows Tasks"),
          windows("schtasks.exe", "Task Scheduler Configuration Tool"),
          windows("msiexec.exe", "Windows\u00ae installer"),
          windows("wermgr.exe", "Windows Problem Reporting"),
          windows("backgroundTaskHost.exe", "Background Task Host"),
          windows("RuntimeBroker.exe", "Runtime Broker"),
          windows("SearchProtocolHost.exe", "Microsoft Windows Search Protocol Host"),
          windows("WmiPrvSE.exe", "WMI Provider Host").withLocation(SYS32 + "\\wbem", "WmiPrvSE.exe"),
          windows("net.exe", "Net Command"),
          windows("whoami.exe", "whoami - displays logged on user information"),
          windows("reg.exe", "Registry Console Tool"),
          windows("sc.exe", "Service Control Manager Configuration Tool"),
          windows("vssadmin.exe", "Command Line Interface for Microsoft\u00ae Volume Shadow Copy Service"),
          windows("wbadmin.exe", "Command Line Interface for Microsoft\u00ae BlockLevel Backup"),
          windows("explorer.exe", "Windows Explorer").withLocation("C:\\Windows", "explorer.exe"),
          new ProcessImage("C:\\Program Files\\Google\\Chrome\\Application", "chrome.exe", "Google LLC",
              "Google Chrome", "119.0.6045.160", "chrome.exe", "Google Chrome"),
          new ProcessImage("C:\\Program Files (x86)\\Microsoft\\Edge\\Application", "msedge.exe", MS,
              "Microsoft Edge", "119.0.2151.72", "msedge.exe", "Microsoft Edge"),
          new ProcessImage("C:\\Program Files\\Microsoft Office\\root\\Office16", "OUTLOOK.EXE", MS,
              "Microsoft Outlook", "16.0.16924.20150", "Outlook.exe", "Microsoft Outlook"),
          new ProcessImage("C:\\Program Files\\Microsoft Office\\root\\Office16", "WINWORD.EXE", MS,
              "Microsoft Office", "16.0.16924.20150", "WinWord.exe", "Microsoft Word"),
          new ProcessImage("C:\\Users\\Public\\AppData\\Local\\Microsoft\\Teams\\current", "Teams.exe",
              MS, "Microsoft Teams", "1.6.00.33567", "Teams.exe", "Microsoft Teams"),
          new ProcessImage("C:\\Program Files\\7-Zip", "7z.exe", "Igor Pavlov", "7-Zip", "23.01", "7z.exe",
              "7-Zip Console"),
          new ProcessImage("C:\\Program Files\\Notepad++", "notepad++.exe", "Don HO don.h@free.fr",
              "Notepad++", "8.5.8", "notepad++.exe", "Notepad++"),
          new ProcessImage("C:\\Program Files\\VMware\\VMware Tools", "vmtoolsd.exe", "VMware, Inc.",
              "VMware Tools", "12.3.0.44994", "vmtoolsd.exe", "VMware Tools Core Service"),
          new ProcessImage("C:\\Program Files (x86)\\Microsoft Intune Management Extension",
              "Microsoft.Management.Services.IntuneWindowsAgent.exe", MS, "Microsoft Intune", "1.71.103.0",
              "Microsoft.Management.Services.IntuneWindowsAgent.exe", "Microsoft Intune Management Extension"),
          new ProcessImage("C:\\Windows\\CCM", "CcmExec.exe", MS, "System Center Configuration Manager",
              "5.00.9106.1000", "CcmExec.exe", "CCM Executive"),
          new ProcessImage("C:\\Tools\\Sysinternals", "Procmon64.exe", "Sysinternals - www.sysinternals.com",
              "Process Monitor", "3.96", "Procmon", "Process Monitor"),
          new ProcessImage("C:\\Program Files\\Git\\cmd", "git.exe", "The Git Development Community", "Git",
              "2.42.0.2", "git.exe", "Git for Windows"));

  /** Remote Desktop Plus as its PE version info describes it (company www.donkz.nl). */
  public static final ProcessImage REMOTE_DESKTOP_PLUS =
      new ProcessImage("C:\\Users\\Public\\Downloads", "rdp.exe", "www.donkz.nl", "Remote Desktop Plus",
          "5.9.0.0", "rdp.exe", "Remote Desktop Plus");
}
