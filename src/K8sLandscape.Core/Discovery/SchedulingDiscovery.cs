using System.Text.Json;
using System.Text.RegularExpressions;
using K8sLandscape.Json;
using K8sLandscape.Model;
using K8sLandscape.Model.Scheduling;

namespace K8sLandscape.Discovery;

/// <summary>Reads PriorityClasses, the schedulers that exist and the workloads that ask for one.</summary>
internal static partial class SchedulingDiscovery
{
    public static SchedulingSurface Build(LandscapeContext context)
    {
        var priorityClasses = context.Objects.OfKind("scheduling.k8s.io", "PriorityClass")
            .OrderBy(o => o.Location).DistinctBy(o => o.Ref)
            .Select(o =>
            {
                var body = o.Body;
                var hasValue = body.TryGetProperty("value", out var v);
                return new PriorityClassInfo(
                    o,
                    hasValue && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null,
                    hasValue ? v.GetRawText() : "unset",
                    body.TryGetProperty("globalDefault", out var g) && g.ValueKind == JsonValueKind.True,
                    JsonFields.Str(body, "preemptionPolicy"));
            })
            .ToArray();

        var requests = InstallationDiscovery.TemplateOwners(context.Workloads, context.Objects)
            .Where(w => w.SchedulerName is { Length: > 0 } name && name != SchedulingSurface.DefaultScheduler)
            .Select(w => new SchedulerRequest(w.Object, w.SchedulerName!, w.PodSpecPath + ".schedulerName"))
            .OrderBy(r => r.Workload.Location)
            .ToArray();

        return new SchedulingSurface(priorityClasses, Schedulers(context), requests);
    }

    private static SchedulerInfo[] Schedulers(LandscapeContext context)
    {
        var result = new List<SchedulerInfo> { new(SchedulingSurface.DefaultScheduler, "built-in", null) };
        foreach (var c in context.Components)
        {
            if (c.Definition.Fingerprints.Schedulers.Count == 0) continue;

            // The recognizer also matches a component when pods merely ask for its scheduler; that is not an installation.
            var installed = c.Evidence.FirstOrDefault(e => e.Fingerprint is "image" or "workload");
            if (installed is null) continue;
            result.AddRange(c.Definition.Fingerprints.Schedulers.Select(s => new SchedulerInfo(s, "catalog", installed.Object)));
        }

        foreach (var w in context.Workloads)
        {
            foreach (var (value, _) in w.FlagValues("--scheduler-name")) result.Add(new SchedulerInfo(value, "flag", w.Object));
        }

        foreach (var cm in context.Objects.OfKind(string.Empty, "ConfigMap"))
        {
            // Only a ConfigMap that mentions the kind can hold one: skip the others without parsing them.
            if (cm.Json.Span.IndexOf("KubeSchedulerConfiguration"u8) < 0) continue;
            if (!cm.Body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object) continue;
            foreach (var entry in data.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String || entry.Value.GetString() is not { } text) continue;
                if (!text.Contains("KubeSchedulerConfiguration", StringComparison.Ordinal)) continue;
                foreach (Match m in ProfileName().Matches(text)) result.Add(new SchedulerInfo(m.Groups[1].Value, "profile", cm));
            }
        }

        foreach (var config in context.Objects.OfKind("kubescheduler.config.k8s.io", "KubeSchedulerConfiguration"))
        {
            if (!config.Body.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Array) continue;
            foreach (var p in profiles.EnumerateArray())
            {
                if (JsonFields.Str(p, "schedulerName") is { Length: > 0 } n) result.Add(new SchedulerInfo(n, "profile", config));
            }
        }

        return result.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Source, StringComparer.Ordinal)
            .ThenBy(s => s.Object?.Location).ToArray();
    }

    // A profile's name in YAML or JSON configuration text: schedulerName: my-scheduler / "schedulerName": "my-scheduler".
    [GeneratedRegex("""["']?schedulerName["']?\s*:\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ProfileName();
}
