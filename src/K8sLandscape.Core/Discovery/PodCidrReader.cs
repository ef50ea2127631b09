using System.Text.Json;
using System.Text.RegularExpressions;
using K8sLandscape.Json;
using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.Model.Network;

namespace K8sLandscape.Discovery;

/// <summary>Finds declared pod CIDRs in the places network plugins and kubeadm keep them.</summary>
internal static partial class PodCidrReader
{
    public static List<PodCidr> Read(LandscapeContext context)
    {
        var result = new List<PodCidr>();
        foreach (var cm in context.Objects.OfKind("", "ConfigMap")) ReadConfigMap(cm, result);

        foreach (var group in (string[])["crd.projectcalico.org", "projectcalico.org"])
        {
            foreach (var pool in context.Objects.OfKind(group, "IPPool"))
            {
                if (pool.GetString("spec.cidr") is { Length: > 0 } cidr) result.Add(new PodCidr(cidr, "calico IPPool", pool, pool.LocationOf("spec.cidr")));
            }
        }

        foreach (var inst in context.Objects.OfKind("operator.tigera.io", "Installation"))
        {
            if (!inst.TryGet("spec.calicoNetwork.ipPools", out var pools) || pools.ValueKind != JsonValueKind.Array) continue;
            var i = 0;
            foreach (var p in pools.EnumerateArray())
            {
                var path = $"spec.calicoNetwork.ipPools[{i++}].cidr";
                if (p.ValueKind == JsonValueKind.Object && p.TryGetProperty("cidr", out var c) && c.ValueKind == JsonValueKind.String)
                    result.Add(new PodCidr(c.GetString()!, "calico Installation", inst, inst.LocationOf(path)));
            }
        }

        // calico-node reads its default pool from the environment; it runs as a DaemonSet, so only
        // those are scanned (cheap on dumps with many pods).
        foreach (var w in context.Workloads)
        {
            if (w.Object.Kind != "DaemonSet") continue;
            ReadCalicoEnv(w.Object, w.PodSpec, w.PodSpecPath, result);
        }

        return result;
    }

    private static void ReadConfigMap(KubeObject cm, List<PodCidr> into)
    {
        // A cluster holds thousands of ConfigMaps and few name a pod range: the raw bytes say which
        // can, so the others are not parsed.
        var raw = cm.Json.Span;
        if (raw.IndexOf("\"net-conf.json\""u8) < 0 && raw.IndexOf("\"cluster-pool-ipv"u8) < 0 && raw.IndexOf("\"ClusterConfiguration\""u8) < 0) return;
        if (!cm.Body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object) return;
        if (JsonFields.Str(data, "net-conf.json") is { } netConf && FlannelNetwork(netConf) is { } network)
            into.Add(new PodCidr(network, "flannel net-conf.json", cm, cm.LocationOf("data[net-conf.json]")));

        foreach (var key in (string[])["cluster-pool-ipv4-cidr", "cluster-pool-ipv6-cidr"])
        {
            if (JsonFields.Str(data, key) is not { Length: > 0 } value) continue;
            // Cilium accepts a space-separated list of ranges here.
            foreach (var cidr in value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                into.Add(new PodCidr(cidr, "cilium-config " + key, cm, cm.LocationOf($"data[{key}]")));
        }

        if (JsonFields.Str(data, "ClusterConfiguration") is { } clusterConfig)
        {
            var m = PodSubnet().Match(clusterConfig);
            if (m.Success)
            {
                foreach (var cidr in m.Groups[1].Value.Trim('"', '\'').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    into.Add(new PodCidr(cidr, "kubeadm podSubnet", cm, cm.LocationOf("data[ClusterConfiguration]")));
            }
        }
    }

    private static string? FlannelNetwork(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return doc.RootElement.ValueKind == JsonValueKind.Object && JsonFields.Str(doc.RootElement, "Network") is { Length: > 0 } n ? n : null;
        }
        catch (JsonException)
        {
            // A malformed net-conf.json declares nothing we can read; flannel itself would refuse it.
            return null;
        }
    }

    private static void ReadCalicoEnv(KubeObject o, JsonElement podSpec, string podSpecPath, List<PodCidr> into)
    {
        if (!podSpec.TryGetProperty("containers", out var containers) || containers.ValueKind != JsonValueKind.Array) return;
        var ci = 0;
        foreach (var c in containers.EnumerateArray())
        {
            var index = ci++;
            if (c.ValueKind != JsonValueKind.Object || !c.TryGetProperty("env", out var env) || env.ValueKind != JsonValueKind.Array) continue;
            var ei = 0;
            foreach (var e in env.EnumerateArray())
            {
                var envIndex = ei++;
                if (e.ValueKind != JsonValueKind.Object) continue;
                var name = JsonFields.Str(e, "name");
                if (name is not ("CALICO_IPV4POOL_CIDR" or "CALICO_IPV6POOL_CIDR") || JsonFields.Str(e, "value") is not { Length: > 0 } value) continue;
                into.Add(new PodCidr(value, "calico env " + name, o, o.LocationOf($"{podSpecPath}.containers[{index}].env[{envIndex}].value")));
            }
        }
    }


    [GeneratedRegex(@"^\s*podSubnet:\s*(\S+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PodSubnet();
}
