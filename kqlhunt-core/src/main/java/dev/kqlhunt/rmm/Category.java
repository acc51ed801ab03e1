package dev.kqlhunt.rmm;

/** What kind of remote-access software a catalog entry is, as LOLRMM classifies it. */
public enum Category {
  /** Remote monitoring and management software sold to IT teams and MSPs. */
  RMM,
  /** Remote access tool: remote desktop, VNC-style or admin tools without a management console. */
  RAT
}
