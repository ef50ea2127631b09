using System.Text.Json;
using K8sLandscape.Loading;

namespace K8sLandscape.Sources;

/// <summary>What discovery found: the served resources wanted, the groups whose discovery failed, the server version.</summary>
internal sealed record DiscoveryResult(
    IReadOnlyDictionary<(string Group, string Resource), ServedResource> Served,
    IReadOnlyDictionary<string, string> FailedGroups,
    JsonElement? Version,
    IReadOnlyList<LoadDiagnostic> Diagnostics);
