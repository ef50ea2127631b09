using K8sLandscape.Loading;
using K8sLandscape.Model.Api.BuiltIn;

namespace K8sLandscape.Model.Api;

/// <summary>
/// The API extension surface: CRDs and APIServices, the built-in API they sit beside, and indexes
/// from every name kubectl resolves (short name, plural, singular, kind) and every group/version
/// to the resources that claim it, so analyzers find collisions with one lookup.
/// </summary>
public sealed class ApiSurface
{
    private static readonly IReadOnlyList<ApiClaimant> NoClaimants = [];

    internal ApiSurface()
    {
    }

    /// <summary>Every CRD that names a group and kind, sorted by name, then location.</summary>
    public IReadOnlyList<CrdInfo> Crds { get; internal init; } = [];

    /// <summary>Every APIService, sorted by name, then location.</summary>
    public IReadOnlyList<ApiServiceInfo> ApiServices { get; internal init; } = [];

    /// <summary>The built-in API the indexes include (so a CRD reusing a built-in name is seen).</summary>
    public BuiltInApi BuiltIn { get; internal init; } = BuiltInApi.Latest;

    /// <summary>Claimants by short name (lowercase).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ApiClaimant>> ByShortName { get; internal init; } = Empty();

    /// <summary>Claimants by plural resource name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ApiClaimant>> ByPlural { get; internal init; } = Empty();

    /// <summary>Claimants by singular resource name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ApiClaimant>> BySingular { get; internal init; } = Empty();

    /// <summary>Claimants by kind (case as written).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ApiClaimant>> ByKind { get; internal init; } = Empty();

    /// <summary>Claimants by <c>group/version</c> (<c>version</c> alone for the core group).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ApiClaimant>> ByGroupVersion { get; internal init; } = Empty();

    /// <summary>The catalog component owning each CRD group present, by group.</summary>
    public IReadOnlyDictionary<string, string> GroupOwners { get; internal init; } = new Dictionary<string, string>();

    /// <summary>The extension points of this area: <c>api-group:&lt;group&gt;</c> per extension group.</summary>
    public IReadOnlyList<ExtensionPoint> ExtensionPoints { get; internal init; } = [];

    /// <summary>Short names claimed by more than one resource, sorted by name.</summary>
    public IReadOnlyList<ApiNameCollision> ShortNameCollisions => Collisions(ByShortName);

    /// <summary>Plurals claimed in more than one group, sorted by name.</summary>
    public IReadOnlyList<ApiNameCollision> PluralCollisions => Collisions(ByPlural);

    /// <summary>Kinds claimed by more than one resource, sorted by name.</summary>
    public IReadOnlyList<ApiNameCollision> KindCollisions => Collisions(ByKind);

    private static Dictionary<string, IReadOnlyList<ApiClaimant>> Empty() => new(StringComparer.Ordinal);

    /// <summary>The claimants of a short name (case-insensitive, as kubectl resolves it).</summary>
    public IReadOnlyList<ApiClaimant> ClaimantsOfShortName(string shortName) =>
        ByShortName.GetValueOrDefault(shortName.ToLowerInvariant()) ?? NoClaimants;

    /// <summary>The claimants of a plural.</summary>
    public IReadOnlyList<ApiClaimant> ClaimantsOfPlural(string plural) => ByPlural.GetValueOrDefault(plural) ?? NoClaimants;

    /// <summary>The claimants of a kind.</summary>
    public IReadOnlyList<ApiClaimant> ClaimantsOfKind(string kind) => ByKind.GetValueOrDefault(kind) ?? NoClaimants;

    /// <summary>The claimants of a group/version.</summary>
    public IReadOnlyList<ApiClaimant> ClaimantsOfGroupVersion(string group, string version) =>
        ByGroupVersion.GetValueOrDefault(group.Length == 0 ? version : group + "/" + version) ?? NoClaimants;

    /// <summary>The CRDs of one group.</summary>
    public IEnumerable<CrdInfo> CrdsOfGroup(string group) => Crds.Where(c => string.Equals(c.Group, group, StringComparison.Ordinal));

    /// <summary>The component owning a group, or null.</summary>
    public string? OwnerOfGroup(string group) => GroupOwners.GetValueOrDefault(group);

    /// <summary>
    /// Names claimed by more than one distinct resource in an index, at least one of them from the
    /// input (built-ins that share a name, such as the two <c>Event</c> kinds, are the platform's own).
    /// </summary>
    public static IReadOnlyList<ApiNameCollision> Collisions(IReadOnlyDictionary<string, IReadOnlyList<ApiClaimant>> index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var result = new List<ApiNameCollision>();
        foreach (var (name, claimants) in index)
        {
            if (claimants.Count < 2 || claimants.All(c => c.Source == ApiClaimantSource.BuiltIn)) continue;
            var first = claimants[0].Resource;
            if (claimants.Any(c => !string.Equals(c.Resource, first, StringComparison.Ordinal))) result.Add(new ApiNameCollision(name, claimants));
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result;
    }
}
