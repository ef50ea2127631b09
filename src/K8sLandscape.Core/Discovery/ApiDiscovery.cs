using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Api;
using K8sLandscape.Model.Api.BuiltIn;

namespace K8sLandscape.Discovery;

/// <summary>Builds the <see cref="ApiSurface"/> from the landscape's objects.</summary>
internal static class ApiDiscovery
{
    public static ApiSurface Build(LandscapeContext context)
    {
        var owners = new GroupOwnerResolver(context);
        var crds = new List<CrdInfo>();
        foreach (var o in context.Objects.OfKind("apiextensions.k8s.io", "CustomResourceDefinition"))
        {
            if (CrdInfo.From(o) is { } crd) crds.Add(crd with { ComponentId = owners.Owner(crd.Group) });
        }

        crds.Sort((a, b) => Compare(a.Name, a.Object.Location, b.Name, b.Object.Location));

        var apiServices = new List<ApiServiceInfo>();
        foreach (var o in context.Objects.OfKind("apiregistration.k8s.io", "APIService"))
        {
            if (ApiServiceInfo.From(o) is { } api) apiServices.Add(api with { ComponentId = owners.Owner(api.Group) });
        }

        apiServices.Sort((a, b) => Compare(a.Name, a.Object.Location, b.Name, b.Object.Location));

        var shortNames = new IndexBuilder();
        var plurals = new IndexBuilder();
        var singulars = new IndexBuilder();
        var kinds = new IndexBuilder();
        var groupVersions = new IndexBuilder();
        foreach (var crd in crds)
        {
            var served = crd.ServedVersions.Select(v => v.Name).ToArray();
            ApiClaimant Claim(string path) =>
                new(ApiClaimantSource.CustomResourceDefinition, crd.Group, crd.Names.Kind, crd.Names.Plural, served, crd.LocationOf(path), Crd: crd);

            for (var i = 0; i < crd.Names.ShortNames.Count; i++)
            {
                shortNames.Add(crd.Names.ShortNames[i].ToLowerInvariant(), Claim($"spec.names.shortNames[{i}]"));
            }

            if (crd.Names.Plural.Length > 0) plurals.Add(crd.Names.Plural, Claim("spec.names.plural"));
            singulars.Add(crd.Names.Singular, Claim("spec.names.singular"));
            kinds.Add(crd.Names.Kind, Claim("spec.names.kind"));
            foreach (var v in crd.ServedVersions)
            {
                groupVersions.Add(crd.Group + "/" + v.Name, Claim(v.Path));
            }
        }

        var builtIn = BuiltInApi.Latest;
        foreach (var r in builtIn.Resources)
        {
            var claim = new ApiClaimant(ApiClaimantSource.BuiltIn, r.Group, r.Kind, r.Plural, r.Versions, SourceSpan.None, BuiltIn: r);
            foreach (var s in r.ShortNames) shortNames.Add(s.ToLowerInvariant(), claim);
            plurals.Add(r.Plural, claim);
            singulars.Add(r.Singular, claim);
            kinds.Add(r.Kind, claim);
            foreach (var v in r.Versions) groupVersions.Add(r.Group.Length == 0 ? v : r.Group + "/" + v, claim);
        }

        foreach (var api in apiServices)
        {
            groupVersions.Add(api.GroupVersion, new ApiClaimant(ApiClaimantSource.ApiService, api.Group, string.Empty, string.Empty, [api.Version], api.Location, ApiService: api));
        }

        return new ApiSurface
        {
            Crds = crds,
            ApiServices = apiServices,
            BuiltIn = builtIn,
            ByShortName = shortNames.Build(),
            ByPlural = plurals.Build(),
            BySingular = singulars.Build(),
            ByKind = kinds.Build(),
            ByGroupVersion = groupVersions.Build(),
            GroupOwners = owners.Resolved(),
            ExtensionPoints = BuildExtensionPoints(context, crds, apiServices),
        };
    }

    private static List<ExtensionPoint> BuildExtensionPoints(LandscapeContext context, List<CrdInfo> crds, List<ApiServiceInfo> apiServices)
    {
        // Local APIServices are kube-apiserver's own registrations (one per built-in or CRD group);
        // only aggregated ones extend the API.
        var byGroup = new SortedDictionary<string, (List<CrdInfo> Crds, List<ApiServiceInfo> Apis)>(StringComparer.Ordinal);
        foreach (var c in crds)
        {
            if (!byGroup.TryGetValue(c.Group, out var e)) byGroup[c.Group] = e = ([], []);
            e.Crds.Add(c);
        }

        foreach (var a in apiServices.Where(a => !a.IsLocal))
        {
            if (!byGroup.TryGetValue(a.Group, out var e)) byGroup[a.Group] = e = ([], []);
            e.Apis.Add(a);
        }

        var points = new List<ExtensionPoint>(byGroup.Count);
        foreach (var (group, (groupCrds, apis)) in byGroup)
        {
            // One implementation per owning component; unowned CRDs form one per group, unowned
            // aggregated APIs one each (two such servers of one group are the conflict to see).
            var impls = new SortedDictionary<string, (string Name, bool Recognized, List<KubeObject> Objects)>(StringComparer.Ordinal);
            void Add(string id, string name, bool recognized, KubeObject o)
            {
                if (!impls.TryGetValue(id, out var e)) impls[id] = e = (name, recognized, []);
                e.Objects.Add(o);
            }

            foreach (var c in groupCrds)
            {
                if (c.ComponentId is { } id) Add(id, context.Catalog.Find(id)?.Name ?? id, true, c.Object);
                else Add("crd-group:" + group, group + " (CRDs)", false, c.Object);
            }

            foreach (var a in apis)
            {
                if (a.ComponentId is { } id) Add(id, context.Catalog.Find(id)?.Name ?? id, true, a.Object);
                else Add("apiservice:" + a.Name, $"{a.Name} (served by {a.Service})", false, a.Object);
            }

            var list = impls.Select(p => new ExtensionImplementation(p.Key, p.Value.Name, p.Value.Recognized, p.Value.Objects.OrderBy(o => o.Location).ToArray())).ToArray();
            points.Add(new ExtensionPoint(LandscapeAreas.Api, "api-group:" + group, list, ExpectsSingle: true));
        }

        return points;
    }

    private static int Compare(string aName, SourceSpan aLoc, string bName, SourceSpan bLoc)
    {
        var c = string.CompareOrdinal(aName, bName);
        return c != 0 ? c : aLoc.CompareTo(bLoc);
    }

    private sealed class IndexBuilder
    {
        private readonly Dictionary<string, List<ApiClaimant>> _map = new(StringComparer.Ordinal);

        public void Add(string key, ApiClaimant claimant)
        {
            if (key.Length == 0) return;
            if (!_map.TryGetValue(key, out var list)) _map[key] = list = [];
            list.Add(claimant);
        }

        public Dictionary<string, IReadOnlyList<ApiClaimant>> Build()
        {
            var result = new Dictionary<string, IReadOnlyList<ApiClaimant>>(_map.Count, StringComparer.Ordinal);
            foreach (var (k, list) in _map)
            {
                list.Sort(static (a, b) =>
                {
                    var c = string.CompareOrdinal(a.Resource, b.Resource);
                    if (c == 0) c = a.Source.CompareTo(b.Source);
                    return c != 0 ? c : a.Location.CompareTo(b.Location);
                });
                result[k] = list;
            }

            return result;
        }
    }
}
