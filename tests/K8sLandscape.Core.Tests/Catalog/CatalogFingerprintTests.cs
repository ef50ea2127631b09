using System.Reflection;
using System.Text.RegularExpressions;
using K8sLandscape.Model.Workloads;
using K8sLandscape.Model;

namespace K8sLandscape.Core.Tests.Catalog;

/// <summary>
/// Checks every fingerprint of the built-in catalog for shape and for uniqueness: a value two
/// components list would recognize both from one object, which is how one install turns into two.
/// </summary>
public partial class CatalogFingerprintTests
{
    private static readonly IReadOnlyList<ComponentDefinition> Components = ComponentCatalog.BuiltIn.Components;

    // Kinds whose values name one component's own object. Extended resources are not among them:
    // a device plugin and the operator that deploys it advertise the same resource by design.
    private static readonly string[] UniqueKinds =
    [
        "image", "crdGroup", "crd", "workload", "csiDriver", "provisioner", "draDriver", "webhook", "cniType", "runtimeEngine",
        "runtimeHandler", "ingressController", "gatewayController", "scheduler", "label", "olmPackage",
    ];

    [Fact]
    public void The_catalog_ships_at_least_300_components_in_declared_categories()
    {
        var declared = typeof(ComponentCategories).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);

        Assert.True(Components.Count >= 300, $"{Components.Count} components");
        Assert.All(Components, c => Assert.Contains(c.Category, declared));
        Assert.Empty(Components.Where(c => c.Fingerprints.IsEmpty).Select(c => c.Id));
    }

    [Fact]
    public void No_fingerprint_value_is_listed_twice_in_one_component_or_by_two_components()
    {
        var owners = new Dictionary<(string, string), List<string>>();
        var problems = new List<string>();
        foreach (var c in Components)
        {
            foreach (var kind in UniqueKinds)
            {
                var values = CatalogCorpusEvidenceTests.Values(c.Fingerprints, kind);
                problems.AddRange(values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{c.Id}: {kind} '{g.Key}' twice"));
                foreach (var v in values.Distinct(StringComparer.Ordinal))
                {
                    if (!owners.TryGetValue((kind, v), out var list)) owners[(kind, v)] = list = [];
                    list.Add(c.Id);
                }
            }
        }

        problems.AddRange(owners.Where(p => p.Value.Count > 1).Select(p => $"{p.Key.Item1} '{p.Key.Item2}' in {string.Join(", ", p.Value)}"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void No_pattern_of_one_component_also_matches_what_another_components_pattern_matches()
    {
        var problems = new List<string>();
        var images = Components.SelectMany(c => c.Fingerprints.Images.Select(i => (c.Id, Pattern: i))).ToList();
        foreach (var (id, pattern) in images)
        {
            // An image whose repository is exactly another component's pattern must not match this one.
            problems.AddRange(images.Where(o => o.Id != id && ImageReference.Parse(o.Pattern).RepositoryEndsWith(pattern))
                .Select(o => $"image '{pattern}' of {id} also matches '{o.Pattern}' of {o.Id}"));
        }

        var groups = Components.SelectMany(c => c.Fingerprints.CrdGroups.Select(g => (c.Id, Group: g))).ToList();
        foreach (var c in Components)
        {
            foreach (var crd in c.Fingerprints.Crds)
            {
                var group = crd[(crd.IndexOf('.', StringComparison.Ordinal) + 1)..];
                problems.AddRange(groups.Where(g => g.Id != c.Id && g.Group == group).Select(g => $"crd '{crd}' of {c.Id} is in group '{group}' of {g.Id}"));
            }
        }

        var hooks = Components.SelectMany(c => c.Fingerprints.Webhooks.Select(w => (c.Id, Name: w))).ToList();
        foreach (var (id, name) in hooks.Where(h => h.Name.StartsWith("*.", StringComparison.Ordinal)))
        {
            problems.AddRange(hooks.Where(o => o.Id != id && o.Name.TrimStart('*').EndsWith(name[1..], StringComparison.Ordinal))
                .Select(o => $"webhook '{name}' of {id} also matches '{o.Name}' of {o.Id}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Fingerprints_are_well_formed()
    {
        var problems = new List<string>();
        foreach (var c in Components)
        {
            var f = c.Fingerprints;
            problems.AddRange(f.Crds.Where(n => n.Split('.').Length < 3).Select(n => $"{c.Id}: crd '{n}' is not <plural>.<group>"));
            problems.AddRange(f.Webhooks.Where(w => !w.Contains('.', StringComparison.Ordinal)).Select(w => $"{c.Id}: webhook '{w}' is not a qualified name"));
            // k3s writes %{SYSTEM_DEFAULT_REGISTRY}% before its images; that template is part of what k3s-local-storage matches.
            problems.AddRange(f.Images.Where(i => Template().Replace(i, string.Empty).Any(char.IsUpper) || i.StartsWith('/') || i.EndsWith('/'))
                .Select(i => $"{c.Id}: image '{i}' is not a repository path"));
            problems.AddRange(f.IngressControllers.Concat(f.GatewayControllers).Where(n => !n.Contains('/', StringComparison.Ordinal))
                .Select(n => $"{c.Id}: controller '{n}' is not a domain-prefixed path"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void No_component_is_fingerprinted_by_the_label_naming_the_tool_that_installed_it()
    {
        // app.kubernetes.io/managed-by says who applied an object (Helm, kustomize, an operator):
        // it is on objects of every component, so as a fingerprint it would name the installer instead.
        Assert.Empty(Components.SelectMany(c => c.Fingerprints.Labels.Where(l => l.StartsWith("app.kubernetes.io/managed-by=", StringComparison.Ordinal)).Select(l => c.Id + " " + l)));
    }

    [GeneratedRegex("%\\{[A-Z_]+\\}%")]
    private static partial Regex Template();
}
