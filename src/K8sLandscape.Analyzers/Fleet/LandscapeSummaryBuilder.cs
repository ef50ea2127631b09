using System.Globalization;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Versions;

namespace K8sLandscape.Analyzers.Fleet;

/// <summary>Condenses a landscape and its findings into a <see cref="LandscapeSummary"/>.</summary>
public static class LandscapeSummaryBuilder
{
    /// <summary>Summarizes <paramref name="landscape"/> and the active ones of <paramref name="findings"/>.</summary>
    /// <param name="landscape">The landscape of one cluster.</param>
    /// <param name="findings">The findings of a run over it (suppressed ones are left out); empty when no rules ran.</param>
    /// <param name="name">The cluster's name in outputs.</param>
    /// <param name="source">Where it was read.</param>
    public static LandscapeSummary Build(Landscape landscape, IEnumerable<Finding> findings, string name, string source)
    {
        ArgumentNullException.ThrowIfNull(landscape);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(source);
        var components = landscape.Components.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var settings = new SettingsReader(landscape);
        var areaOrder = LandscapeAreas.All.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i, StringComparer.Ordinal);
        // Reading versions visits every object of every implementation (on a big cluster, every
        // object of every Helm release): the implementations are read on every core, then put in order.
        var extensionPoints = landscape.ExtensionPoints.ToArray();
        var pairs = extensionPoints.SelectMany((p, n) => p.Implementations.Select(i => (Point: n, Implementation: i))).ToArray();
        var implementations = new SummaryImplementation[pairs.Length];
        Parallel.For(0, pairs.Length, k =>
        {
            var (n, i) = pairs[k];
            var component = i.Recognized ? components.GetValueOrDefault(i.Id) : null;
            var versions = VersionReader.Of(i, component);
            implementations[k] = new SummaryImplementation(i.Id, i.Name, i.Recognized, versions.Versions, settings.Of(extensionPoints[n], i));
        });
        var byPoint = pairs.Select((pair, k) => (pair.Point, Implementation: implementations[k])).ToLookup(x => x.Point, x => x.Implementation);
        var read = extensionPoints.Select((p, n) => new SummaryPoint(p.Area, p.Name, p.ExpectsSingle, byPoint[n].OrderBy(i => i.Id, StringComparer.Ordinal).ToArray()));
        var points = read
            .OrderBy(p => areaOrder.GetValueOrDefault(p.Area, int.MaxValue))
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();
        var summaryComponents = landscape.Components
            .Select(c =>
            {
                var v = VersionReader.Of(c);
                return new SummaryComponent(c.Id, c.Definition.Name, c.Definition.Category, v.Versions, v.Source);
            })
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToArray();
        var roots = Roots(source);
        var summaryFindings = findings
            .Where(f => !f.Suppressed)
            .Select(f => new SummaryFinding(f.Id, SeverityText.Format(f.Severity), Relative(f.Message, roots), f.Subject?.ToString()))
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Subject, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToArray();
        return new LandscapeSummary
        {
            Name = name,
            Source = source,
            KubernetesVersion = landscape.KubernetesVersion.ToString(),
            ObjectCount = landscape.Objects.All.Count,
            LoadErrors = landscape.LoadDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
            Points = points,
            Components = summaryComponents,
            Findings = summaryFindings,
        };
    }

    /// <summary>The folder prefixes of an input path, as given and absolute, longest first.</summary>
    private static string[] Roots(string source)
    {
        if (source.Length == 0 || source == "-" || source.Contains(", ", StringComparison.Ordinal) || source.Contains("://", StringComparison.Ordinal) || source.StartsWith("context:", StringComparison.Ordinal)) return [];
        var roots = new List<string>();
        foreach (var p in new[] { source, Path.GetFullPath(source) })
        {
            var folder = Directory.Exists(p) ? p.TrimEnd('/', '\\') : Path.GetDirectoryName(p);
            if (!string.IsNullOrEmpty(folder)) roots.Add(folder + Path.DirectorySeparatorChar);
        }

        return roots.Distinct(StringComparer.Ordinal).OrderByDescending(r => r.Length).ToArray();
    }

    /// <summary>
    /// The message with the input's folder left out of paths, so that the same finding in two
    /// clusters read from two folders reads the same.
    /// </summary>
    private static string Relative(string message, string[] roots)
    {
        foreach (var r in roots) message = message.Replace(r, string.Empty, StringComparison.Ordinal);
        return message;
    }

    /// <summary>
    /// The name a cluster read from <paramref name="input"/> goes by: a file's name without its
    /// extension, a folder's name, <c>stdin</c> for <c>-</c>.
    /// </summary>
    public static string NameOf(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input == "-") return "stdin";
        var trimmed = input.TrimEnd('/', '\\');
        if (trimmed.Length == 0) return input;
        var name = Directory.Exists(trimmed) ? Path.GetFileName(trimmed) : Path.GetFileNameWithoutExtension(trimmed);
        return name is "" or "." or ".." ? Path.GetFileName(Path.GetFullPath(trimmed).TrimEnd(Path.DirectorySeparatorChar)) : name;
    }

    /// <summary>
    /// What is configured about an implementation that another cluster may configure otherwise, read
    /// from the typed surfaces by the objects it is made of. Keys name the object, so a difference says where.
    /// </summary>
    private sealed class SettingsReader(Landscape landscape)
    {
        // KubeObject has reference equality: each object is one entry.
        private readonly Dictionary<KubeObject, Model.Api.CrdInfo> _crds = landscape.Api.Crds.GroupBy(c => c.Object).ToDictionary(g => g.Key, g => g.First());
        private readonly Dictionary<KubeObject, Model.Api.ApiServiceInfo> _apiServices = landscape.Api.ApiServices.GroupBy(a => a.Object).ToDictionary(g => g.Key, g => g.First());
        private readonly ILookup<KubeObject, Model.Admission.AdmissionWebhook> _webhooks = landscape.Admission.Webhooks.ToLookup(w => w.Configuration);
        private readonly Dictionary<KubeObject, Model.Runtime.RuntimeClassInfo> _runtimeClasses = landscape.Runtime.RuntimeClasses.GroupBy(r => r.Object).ToDictionary(g => g.Key, g => g.First());
        private readonly Dictionary<string, Model.Network.NetworkPlugin> _plugins = landscape.Network.Plugins.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public SortedDictionary<string, string> Of(ExtensionPoint point, ExtensionImplementation implementation)
        {
            var s = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (point.Area == LandscapeAreas.Network && _plugins.TryGetValue(implementation.Id, out var plugin))
            {
                if (plugin.Role is { } role) s["role"] = role;
                if (plugin.DataPlane is { } plane) s["dataPlane"] = plane;
            }

            foreach (var o in implementation.Objects)
            {
                if (_crds.TryGetValue(o, out var crd))
                {
                    s[$"crd/{crd.Name}.served"] = string.Join(",", crd.ServedVersions.Select(v => v.Name));
                    s[$"crd/{crd.Name}.storage"] = string.Join(",", crd.StorageVersions.Select(v => v.Name));
                }
                else if (_apiServices.TryGetValue(o, out var api))
                {
                    s[$"apiservice/{api.Name}.service"] = api.Service?.ToString() ?? "local";
                }
                else if (_runtimeClasses.TryGetValue(o, out var rc))
                {
                    s[$"runtimeclass/{rc.Name}.handler"] = rc.Handler;
                }
                else if (o.Kind == "StorageClass" && o.Group == "storage.k8s.io")
                {
                    s[$"storageclass/{o.Name}.provisioner"] = o.GetString("provisioner") ?? string.Empty;
                    s[$"storageclass/{o.Name}.reclaimPolicy"] = o.GetString("reclaimPolicy") ?? "Delete";
                    s[$"storageclass/{o.Name}.volumeBindingMode"] = o.GetString("volumeBindingMode") ?? "Immediate";
                    s[$"storageclass/{o.Name}.allowVolumeExpansion"] = o.TryGet("allowVolumeExpansion", out var e) && e.ValueKind == System.Text.Json.JsonValueKind.True ? "true" : "false";
                }
                else if (point.Area == LandscapeAreas.Admission)
                {
                    foreach (var w in _webhooks[o])
                    {
                        var key = $"webhook/{w.ConfigurationName}/{w.Name}";
                        s[key + ".failurePolicy"] = w.FailurePolicy;
                        s[key + ".scope"] = w.NamespaceSelector.IsEmpty && w.ObjectSelector.IsEmpty ? "all" : "selected";
                        s[key + ".timeoutSeconds"] = w.TimeoutSeconds.ToString(CultureInfo.InvariantCulture);
                    }
                }
            }

            return s;
        }
    }
}
