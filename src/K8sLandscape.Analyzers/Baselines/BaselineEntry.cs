namespace K8sLandscape.Analyzers.Baselines;

/// <summary>One accepted finding in a <see cref="Baseline"/>: its fingerprint, and what it was, for people reading the file.</summary>
/// <param name="Fingerprint">The finding's <see cref="Reporting.FindingFingerprint"/>; the only field compared.</param>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Subject">The object the finding was about (<c>storage.k8s.io/StorageClass/fast</c>), or null.</param>
/// <param name="Location">Where it was reported when the baseline was written (<c>path:line</c>), for reading only.</param>
/// <param name="Message">The finding's message when the baseline was written.</param>
public sealed record BaselineEntry(string Fingerprint, string RuleId, string? Subject, string Location, string Message);
