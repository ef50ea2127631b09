namespace K8sLandscape.Sources;

/// <summary>
/// Stable codes of the coverage diagnostics a cluster read adds to its load result. They sit in the
/// engine and loader range (<c>KL0xxx</c>), in a block of their own (<c>KL009x</c>). Only what could
/// not be read has a code: a kind the cluster does not serve (an extension that is not installed) is
/// counted in <see cref="ClusterCoverage"/>, not reported. KL0092 once said so and is retired, never reused.
/// </summary>
public static class ClusterDiagnosticCodes
{
    /// <summary>The credentials may not list a kind (403 Forbidden); the scan went on without it.</summary>
    public const string KindDenied = "KL0091";

    /// <summary>
    /// Listing a kind failed, after every retry or at once for an answer no retry mends (the wrong
    /// shape, too large, a redirect, endless pages, the scan's deadline); what it returned before is kept.
    /// </summary>
    public const string KindFailed = "KL0093";

    /// <summary>Part of discovery failed (an API group's resource list could not be read, or came in the wrong shape).</summary>
    public const string DiscoveryFailed = "KL0094";

    /// <summary>All codes with a one-line description each, in code order.</summary>
    public static IReadOnlyList<(string Code, string Title)> All { get; } =
    [
        (KindDenied, "Kind may not be listed with these credentials"),
        (KindFailed, "Listing a kind failed after retries"),
        (DiscoveryFailed, "API discovery failed for a group"),
    ];
}
