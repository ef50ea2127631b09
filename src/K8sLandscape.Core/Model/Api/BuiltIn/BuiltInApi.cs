using System.Globalization;
using K8sLandscape.Loading;

namespace K8sLandscape.Model.Api.BuiltIn;

/// <summary>
/// The resources kube-apiserver serves on its own, for the newest release the library knows
/// (<see cref="KubernetesVersion.Latest"/>), with lookups by plural, short name, kind and group/kind.
/// The table (<c>builtin-resources.tsv</c>, embedded) is generated from real discovery documents;
/// it also keeps alpha and beta versions seen there, so that it answers "is this a built-in kind?"
/// for anything a kube-apiserver has served. Whether a version is still served is
/// <see cref="ApiLifecycleTable"/>'s question.
/// </summary>
public sealed class BuiltInApi
{
    private const string ResourceName = "K8sLandscape.Model.Api.BuiltIn.builtin-resources.tsv";
    private static readonly Lazy<BuiltInApi> LatestApi = new(LoadEmbedded);
    private static readonly IReadOnlyList<BuiltInResource> None = [];
    private readonly Dictionary<GroupKind, BuiltInResource> _byGroupKind = [];
    private readonly Dictionary<string, List<BuiltInResource>> _byPlural = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BuiltInResource>> _byShortName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BuiltInResource>> _byKind = new(StringComparer.Ordinal);
    private readonly HashSet<string> _groups = new(StringComparer.Ordinal);

    private BuiltInApi(KubernetesVersion version, IReadOnlyList<BuiltInResource> resources)
    {
        Version = version;
        Resources = resources;
        foreach (var r in resources)
        {
            _byGroupKind[r.GroupKind] = r;
            Add(_byPlural, r.Plural, r);
            Add(_byKind, r.Kind, r);
            foreach (var s in r.ShortNames) Add(_byShortName, s, r);
            _groups.Add(r.Group);
        }

        Groups = _groups.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The built-in API of <see cref="KubernetesVersion.Latest"/>.</summary>
    public static BuiltInApi Latest => LatestApi.Value;

    /// <summary>The release the table describes.</summary>
    public KubernetesVersion Version { get; }

    /// <summary>Every built-in resource (subresources excluded), sorted by group then kind.</summary>
    public IReadOnlyList<BuiltInResource> Resources { get; }

    /// <summary>The built-in API groups, sorted (the core group is the empty string).</summary>
    public IReadOnlyList<string> Groups { get; }

    /// <summary>True when the group is served by kube-apiserver itself.</summary>
    public bool IsBuiltInGroup(string group) => _groups.Contains(group);

    /// <summary>The resource with this group and kind, or null.</summary>
    public BuiltInResource? Find(string group, string kind) => _byGroupKind.GetValueOrDefault(new GroupKind(group, kind));

    /// <summary>The resource with this group and kind, or null.</summary>
    public BuiltInResource? Find(GroupKind groupKind) => _byGroupKind.GetValueOrDefault(groupKind);

    /// <summary>Resources with this plural name (<c>events</c> is in two groups), sorted by group.</summary>
    public IReadOnlyList<BuiltInResource> FindByPlural(string plural) => Get(_byPlural, plural);

    /// <summary>Resources with this short name, sorted by group.</summary>
    public IReadOnlyList<BuiltInResource> FindByShortName(string shortName) => Get(_byShortName, shortName);

    /// <summary>Resources with this kind in any group, sorted by group.</summary>
    public IReadOnlyList<BuiltInResource> FindByKind(string kind) => Get(_byKind, kind);

    /// <summary>Reads the table format (see <c>builtin-resources.tsv</c>); lines starting with <c>#</c> are comments.</summary>
    internal static BuiltInApi Parse(string tsv, KubernetesVersion version)
    {
        var resources = new List<BuiltInResource>();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length != 8) throw new FormatException($"builtin-resources.tsv: expected 8 columns, got {f.Length.ToString(CultureInfo.InvariantCulture)}: {line}");
            resources.Add(new BuiltInResource(f[0], List(f[5]), f[1], f[2], f[3], List(f[6]), List(f[7]), f[4] == "true"));
        }

        resources.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.Group, b.Group);
            return c != 0 ? c : string.CompareOrdinal(a.Kind, b.Kind);
        });
        return new BuiltInApi(version, resources);
    }

    private static BuiltInApi LoadEmbedded()
    {
        using var stream = typeof(BuiltInApi).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(ResourceName + " is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), KubernetesVersion.Latest);
    }

    private static string[] List(string field) => field.Length == 0 ? [] : field.Split(',');

    private static void Add(Dictionary<string, List<BuiltInResource>> map, string key, BuiltInResource r)
    {
        if (key.Length == 0) return;
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(r);
    }

    private static IReadOnlyList<BuiltInResource> Get(Dictionary<string, List<BuiltInResource>> map, string key) =>
        map.TryGetValue(key, out var list) ? list : None;
}
