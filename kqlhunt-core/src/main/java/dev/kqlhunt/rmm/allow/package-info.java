/**
 * The sanctioned-RMM allow-list: a YAML file naming the organisation's own remote-access tool(s), with
 * pins (install paths, signers, tenant/relay domains), scope, owner, ticket and expiry.
 *
 * <p>Contract: {@link dev.kqlhunt.rmm.allow.AllowListLoader} never throws on bad input; it returns
 * diagnostics ({@code KQL32xx}, {@link dev.kqlhunt.rmm.allow.AllowListErrors}) positioned in the file.
 * {@link dev.kqlhunt.rmm.allow.AllowListCompiler} turns a loaded list into an ordinary exclusions file
 * ({@code dev.kqlhunt.rules.exclusions}) whose entries select only the sanctioned tool's RMM rules (by
 * id) and remove only rows where every pin holds. Anything not pinned keeps alerting: other tools,
 * the sanctioned tool from another folder (a portable copy), an unpinned relay, expired entries.
 */
package dev.kqlhunt.rmm.allow;
