using K8sLandscape.Analyzers.Rules.Lifecycle;
using K8sLandscape.Loading;
using K8sLandscape.Model.Workloads;
using K8sLandscape.Model;

namespace K8sLandscape.Analyzers.Rules.Layers;

/// <summary>KL8002: two ingress or Gateway API controllers claim the same controller name.</summary>
internal sealed class DuplicateControllerNameAnalyzer : LandscapeAnalyzer
{
    // Flags that set the name a controller answers to; without one, the catalog's default applies.
    private static readonly string[] IngressFlags = ["--controller-class"];
    private static readonly string[] GatewayFlags = ["--gateway-ctlr-name", "--gateway-api-controller-name", "--gateway-controller-name"];

    public static RuleDescriptor Descriptor { get; } = new(
        "KL8002",
        "Two controllers claim the same ingress or Gateway API controller name",
        "Controller name '{0}' is claimed by {1} controllers: {2}",
        RuleCategory.Layers,
        DiagnosticSeverity.Warning,
        """
        An IngressClass names its controller in `spec.controller` and a GatewayClass in
        `spec.controllerName`; each controller implementation serves the classes whose name matches
        its own (ingress-nginx: `--controller-class`, default `k8s.io/ingress-nginx`; NGINX Gateway
        Fabric: `--gateway-ctlr-name`; the others a fixed or configured name). Kubernetes does not
        check that only one controller answers to a name. When two controllers do, usually a second
        installation of the same ingress controller in another namespace left at its default, both
        program every Ingress or Gateway of those classes: each opens its own load balancer for the
        same hosts, they overwrite each other's `status.loadBalancer` addresses (DNS controllers then
        flap between them), and a GatewayClass's `Accepted` condition is set by whichever wrote last.
        The ingress-nginx documentation ("Multiple Ingress controllers") requires a unique
        `--controller-class` and IngressClass per installation for this reason.

        Parties are installations (namespace and Helm release or `app.kubernetes.io/instance`), not
        workloads: the proxy and the controller of one Kong install, or a controller and its
        admission webhook server, answer to one name once. The same role running twice, in two
        installations or twice in one, is two parties.
        """,
        """
        Give each installation its own controller name (`--controller-class=k8s.io/ingress-nginx-internal`,
        a distinct `--gateway-ctlr-name`) and its own IngressClass or GatewayClass naming it, or
        remove the extra installation.
        """);

    public override IReadOnlyList<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Analyze(AnalysisContext context)
    {
        var landscape = context.Landscape;
        var claims = new SortedDictionary<string, List<Claim>>(StringComparer.Ordinal);
        void Add(string name, Claim claim)
        {
            if (!claims.TryGetValue(name, out var list)) claims[name] = list = [];
            list.Add(claim);
        }

        foreach (var c in landscape.Components)
        {
            var category = c.Definition.Category;
            var f = c.Definition.Fingerprints;
            if (f.IngressControllers.Count + f.GatewayControllers.Count == 0) continue;

            foreach (var installation in landscape.Lifecycle.InstallationsOf(c.Id))
            {
                // A party is an installation, or a role running twice inside one: the proxy and the
                // controller of one Kong install answer to one name once.
                var occurrence = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var installed in installation.Workloads)
                {
                    var n = occurrence[installed.Role] = occurrence.GetValueOrDefault(installed.Role) + 1;
                    var party = $"{installation.Key}#{n}";
                    var w = installed.Workload;
                    var ingress = IngressFlags.SelectMany(flag => w.FlagValues(flag)).ToArray();
                    foreach (var (value, path) in ingress) Add(value, new Claim(party, w, path, c.Definition.Name));
                    if (ingress.Length == 0 && category == ComponentCategories.IngressController)
                    {
                        foreach (var name in f.IngressControllers) Add(name, new Claim(party, w, null, c.Definition.Name));
                    }

                    var gateway = GatewayFlags.SelectMany(flag => w.FlagValues(flag)).ToArray();
                    foreach (var (value, path) in gateway) Add(value, new Claim(party, w, path, c.Definition.Name));
                    if (gateway.Length == 0 && category == ComponentCategories.GatewayApi)
                    {
                        foreach (var name in f.GatewayControllers) Add(name, new Claim(party, w, null, c.Definition.Name));
                    }
                }
            }
        }

        var classes = ClassesByController(landscape.Ingress);
        foreach (var (name, list) in claims)
        {
            context.CancellationToken.ThrowIfCancellationRequested();

            // An explicit flag says more than a catalog default, so it speaks for its party.
            var parties = list.OrderBy(p => p.Path is null ? 1 : 0).ThenBy(p => p.Workload.Object.Location)
                .DistinctBy(p => p.Party, StringComparer.Ordinal)
                .OrderBy(p => p.Workload.Object.Location)
                .DistinctBy(p => p.Workload.Object.Ref)
                .ToArray();
            if (parties.Length < 2) continue;
            var first = parties[0];
            var affected = classes.GetValueOrDefault(name) ?? [];
            var names = parties.Select(p => $"{p.Component} {p.Workload.Object.Kind} {Parties.Display(p.Workload.Object)}").ToList();
            var text = Parties.Join(names) + (affected.Count > 0 ? $"; each serves {Parties.Join(affected.Select(o => o.Kind + " '" + o.Name + "'"))}" : string.Empty);
            context.Report(Descriptor, first.Workload.Object, first.Path, parties.Skip(1).Select(p => p.Workload.Object).Concat(affected), name, parties.Length, text);
        }
    }

    private sealed record Claim(string Party, Workload Workload, string? Path, string Component);

    private static Dictionary<string, List<KubeObject>> ClassesByController(Model.Ingress.IngressSurface ingress)
    {
        var result = new Dictionary<string, List<KubeObject>>(StringComparer.Ordinal);
        void Add(string? name, KubeObject o)
        {
            if (name is not { Length: > 0 }) return;
            if (!result.TryGetValue(name, out var l)) result[name] = l = [];
            l.Add(o);
        }

        foreach (var c in ingress.IngressClasses) Add(c.Controller, c.Object);
        foreach (var c in ingress.GatewayClasses) Add(c.ControllerName, c.Object);
        return result;
    }
}
