using System.Globalization;
using System.Text;

namespace K8sLandscape.Bench.Generation;

/// <summary>Namespaced application objects: workloads, their Pods, networking, configuration, custom resources.</summary>
internal sealed partial class ManifestGenerator
{
    private static readonly string[] AppWords =
    [
        "checkout", "payments", "catalog", "search", "inventory", "orders", "billing", "ledger", "auth", "gateway", "profile",
        "recommend", "notify", "email", "sms", "shipping", "pricing", "cart", "reviews", "media", "thumbnail", "ingest",
        "etl", "feature", "model", "trainer", "inference", "embedder", "ranker", "fraud", "risk", "audit", "reporting",
        "analytics", "metrics", "tracing", "logging", "kafka", "redis", "postgres", "mongo", "elastic", "vault", "consul",
    ];

    private static readonly string[] Teams = ["core", "growth", "platform", "data", "ml", "risk", "web", "mobile", "infra", "sre"];
    private static readonly string[] Envs = ["prod", "staging", "canary"];

    private static readonly string[] DaemonSetNames =
    [
        "kube-proxy", "aws-node", "ebs-csi-node", "node-exporter", "fluent-bit", "nvidia-device-plugin-daemonset",
        "dcgm-exporter", "cilium", "datadog-agent", "falco", "efs-csi-node", "kube-state-metrics-shard",
    ];

    /// <summary>Share of application bundles written as exported manifests (see <c>_neat</c>).</summary>
    private const double NeatShare = 0.65;

    private List<NodeInfo>? _gpuNodes;

    private sealed record Container(string Name, string Image, int Port, List<(string Name, string? Value, string? SecretRef)> Env,
        string CpuRequest, string MemRequest, string? CpuLimit, string MemLimit, bool Probes, List<(string Name, string Path)> Mounts, string[]? Args, bool Gpu, bool Hardened);

    private sealed record Shape(List<Container> Containers, Container? Init, List<(string Name, string Kind, string Ref)> Volumes,
        bool Affinity, bool GpuToleration, string? PriorityClass, string ServiceAccount, string? RuntimeClass);

    private Container MakeContainer(string name, string app, bool gpu)
    {
        var env = new List<(string, string?, string?)>();
        var envCount = _rng.Chance(0.5) ? 0 : _rng.Next(1, 5);
        for (var i = 0; i < envCount; i++)
        {
            var key = $"{_rng.Pick(AppWords).ToUpperInvariant()}_{_rng.Pick("URL", "HOST", "PORT", "TIMEOUT", "ENABLED", "LEVEL", "POOL_SIZE", "REGION")}";
            if (_rng.Chance(0.15)) env.Add((key, null, app + "-secrets"));
            else env.Add((key, _rng.Pick(new[] { "true", "30s", "8080", "info", $"http://{_rng.Pick(AppWords)}.svc.cluster.local:8080", "us-east-1", "25" }), null));
        }

        var mounts = new List<(string, string)>();
        if (_rng.Chance(0.4)) mounts.Add(("config", "/etc/" + app));
        if (_rng.Chance(0.15)) mounts.Add(("data", "/var/lib/" + app));
        if (_rng.Chance(0.2)) mounts.Add(("tmp", "/tmp"));
        var cpu = _rng.Pick("50m", "100m", "250m", "500m", "1", "2");
        return new Container(name, $"{Registry()}/{_rng.Pick(Teams)}/{app}:{_rng.Next(1, 9)}.{_rng.Next(0, 40)}.{_rng.Next(0, 20)}",
            _rng.Pick(8080, 8443, 9090, 3000, 5000, 6379), env, cpu, _rng.Pick("64Mi", "128Mi", "256Mi", "512Mi", "1Gi", "4Gi"),
            _rng.Chance(0.4) ? "2" : null, _rng.Pick("256Mi", "512Mi", "1Gi", "2Gi", "8Gi"), _rng.Chance(0.35), mounts,
            _rng.Chance(0.15) ? ["--port=8080", "--log-level=info", $"--config=/etc/{app}/config.yaml"] : null, gpu, _rng.Chance(0.35));
    }

    private Shape MakeShape(string app, bool gpuApp)
    {
        var containers = new List<Container> { MakeContainer(app, app, gpuApp) };
        if (_rng.Chance(0.1)) containers.Add(MakeContainer(_rng.Pick("istio-proxy", "envoy", "log-shipper", "oauth-proxy"), app, false));
        var init = _rng.Chance(0.08) ? MakeContainer("init-" + _rng.Pick("migrate", "wait-db", "permissions"), app, false) : null;
        var volumes = new List<(string, string, string)>();
        foreach (var (name, _) in containers.SelectMany(c => c.Mounts).DistinctBy(m => m.Name))
        {
            volumes.Add((name, name switch { "config" => "configMap", "data" => "persistentVolumeClaim", _ => "emptyDir" }, app + "-" + name));
        }

        return new Shape(containers, init, volumes, _rng.Chance(0.15), gpuApp, _rng.Chance(0.3) ? $"tier-{_rng.Next(0, 2)}-{_rng.Pick(AppWords)}" : null, app,
            gpuApp ? "nvidia" : null);
    }

    /// <summary>The PodSpec; <paramref name="stored"/> adds what the API server and scheduler fill in on a Pod.</summary>
    private void PodSpec(YamlWriter w, Shape s, bool stored, NodeInfo? node)
    {
        w.Map("spec");
        if (s.Affinity)
        {
            w.Map("affinity").Map("podAntiAffinity").Seq("preferredDuringSchedulingIgnoredDuringExecution").Item()
                .Map("podAffinityTerm").Map("labelSelector").Map("matchLabels").Str("app.kubernetes.io/name", s.ServiceAccount).End().End()
                .Str("topologyKey", "topology.kubernetes.io/zone").End().Int("weight", 100).EndItem().EndSeq().End();
            if (s.GpuToleration)
            {
                w.Map("nodeAffinity").Map("requiredDuringSchedulingIgnoredDuringExecution").Seq("nodeSelectorTerms").Item().Seq("matchExpressions").Item()
                    .Str("key", "nvidia.com/gpu.present").Raw("operator", "In").Seq("values").ItemStr("true").EndSeq().EndItem().EndSeq().EndItem().EndSeq().End().End();
            }

            w.End();
        }

        w.Seq("containers");
        foreach (var c in s.Containers) ContainerSpec(w, c, stored);
        w.EndSeq();
        if (stored) w.Raw("dnsPolicy", "ClusterFirst").Bool("enableServiceLinks", true);
        if (s.Init is not null)
        {
            w.Seq("initContainers");
            ContainerSpec(w, s.Init, stored);
            w.EndSeq();
        }

        if (node is not null) w.Str("nodeName", node.Name);
        if (stored) w.Raw("preemptionPolicy", "PreemptLowerPriority").Int("priority", s.PriorityClass is null ? 0 : 900_000);
        if (s.PriorityClass is not null) w.Str("priorityClassName", s.PriorityClass);
        if (stored) w.Raw("restartPolicy", "Always");
        if (s.RuntimeClass is not null) w.Str("runtimeClassName", s.RuntimeClass);
        if (stored) w.Raw("schedulerName", "default-scheduler");
        if (s.Containers[0].Hardened) w.Map("securityContext").Bool("runAsNonRoot", true).Int("runAsUser", 10001).Int("fsGroup", 10001).End();
        else if (stored) w.Raw("securityContext", "{}");
        if (stored) w.Str("serviceAccount", s.ServiceAccount);
        w.Str("serviceAccountName", s.ServiceAccount);
        if (stored) w.Int("terminationGracePeriodSeconds", 30);
        if (stored || s.GpuToleration)
        {
            w.Seq("tolerations");
            if (stored)
            {
                w.Item().Raw("effect", "NoExecute").Str("key", "node.kubernetes.io/not-ready").Raw("operator", "Exists").Int("tolerationSeconds", 300).EndItem();
                w.Item().Raw("effect", "NoExecute").Str("key", "node.kubernetes.io/unreachable").Raw("operator", "Exists").Int("tolerationSeconds", 300).EndItem();
            }

            if (s.GpuToleration) w.Item().Raw("effect", "NoSchedule").Raw("key", "nvidia.com/gpu").Raw("operator", "Exists").EndItem();
            w.EndSeq();
        }

        if (s.Volumes.Count > 0 || stored)
        {
            w.Seq("volumes");
            foreach (var (name, kind, reference) in s.Volumes)
            {
                w.Item();
                switch (kind)
                {
                    case "configMap":
                        w.Map("configMap").Int("defaultMode", 420).Str("name", reference).End();
                        break;
                    case "persistentVolumeClaim":
                        w.Map("persistentVolumeClaim").Str("claimName", reference).End();
                        break;
                    default:
                        w.Map("emptyDir").Str("sizeLimit", "1Gi").End();
                        break;
                }

                w.Str("name", name).EndItem();
            }

            if (stored)
            {
                w.Item().Str("name", "kube-api-access-" + _rng.Suffix(5)).Map("projected").Int("defaultMode", 420).Seq("sources")
                    .Item().Map("serviceAccountToken").Int("expirationSeconds", 3607).Str("path", "token").End().EndItem()
                    .Item().Map("configMap").Seq("items").Item().Str("key", "ca.crt").Str("path", "ca.crt").EndItem().EndSeq().Str("name", "kube-root-ca.crt").End().EndItem()
                    .Item().Map("downwardAPI").Seq("items").Item().Map("fieldRef").Raw("apiVersion", "v1").Str("fieldPath", "metadata.namespace").End().Str("path", "namespace").EndItem().EndSeq().End().EndItem()
                    .EndSeq().End().EndItem();
            }

            w.EndSeq();
        }

        w.End();
    }

    private static void ContainerSpec(YamlWriter w, Container c, bool stored)
    {
        w.Item();
        if (c.Args is not null)
        {
            w.Seq("args");
            foreach (var a in c.Args) w.ItemStr(a);
            w.EndSeq();
        }

        if (c.Env.Count > 0)
        {
            w.Seq("env");
            foreach (var (name, value, secret) in c.Env)
            {
                w.Item().Str("name", name);
                if (secret is null) w.Str("value", value!);
                else w.Map("valueFrom").Map("secretKeyRef").Str("key", name.ToLowerInvariant()).Str("name", secret).End().End();
                w.EndItem();
            }

            w.EndSeq();
        }

        w.Str("image", c.Image);
        if (stored) w.Raw("imagePullPolicy", "IfNotPresent");
        if (c.Probes) Probe(w, "livenessProbe", c.Port, stored);
        w.Str("name", c.Name);
        w.Seq("ports").Item().Int("containerPort", c.Port).Str("name", "http");
        if (stored) w.Raw("protocol", "TCP");
        w.EndItem().EndSeq();
        if (c.Probes) Probe(w, "readinessProbe", c.Port, stored);
        w.Map("resources").Map("limits");
        if (c.CpuLimit is not null) w.Str("cpu", c.CpuLimit);
        w.Str("memory", c.MemLimit);
        if (c.Gpu) w.Str("nvidia.com/gpu", "1");
        w.End().Map("requests").Str("cpu", c.CpuRequest).Str("memory", c.MemRequest);
        if (c.Gpu) w.Str("nvidia.com/gpu", "1");
        w.End().End();
        if (c.Hardened) w.Map("securityContext").Bool("allowPrivilegeEscalation", false).Map("capabilities").Seq("drop").ItemStr("ALL").EndSeq().End().Bool("readOnlyRootFilesystem", true).End();
        if (stored) w.Str("terminationMessagePath", "/dev/termination-log").Raw("terminationMessagePolicy", "File");
        if (c.Mounts.Count > 0 || stored)
        {
            w.Seq("volumeMounts");
            foreach (var (name, path) in c.Mounts) w.Item().Str("mountPath", path).Str("name", name).EndItem();
            if (stored) w.Item().Str("mountPath", "/var/run/secrets/kubernetes.io/serviceaccount").Str("name", "kube-api-access").Bool("readOnly", true).EndItem();
            w.EndSeq();
        }

        w.EndItem();
    }

    private static void Probe(YamlWriter w, string key, int port, bool stored)
    {
        w.Map(key);
        if (stored) w.Int("failureThreshold", 3);
        w.Map("httpGet").Str("path", key == "livenessProbe" ? "/healthz" : "/readyz").Int("port", port);
        if (stored) w.Raw("scheme", "HTTP");
        w.End().Int("initialDelaySeconds", 10).Int("periodSeconds", 10);
        if (stored) w.Int("successThreshold", 1).Int("timeoutSeconds", 1);
        w.End();
    }

    // ---- bundles -------------------------------------------------------------------------------

    private void AppBundle(int index, int budget)
    {
        var app = $"{AppWords[index % AppWords.Length]}-{(index / AppWords.Length).ToString(CultureInfo.InvariantCulture)}";
        var ns = $"{Teams[index % Teams.Length]}-{Envs[(index / Teams.Length) % Envs.Length]}";
        var gpuApp = index % 40 == 17;
        var shape = MakeShape(app, gpuApp);
        _neat = _rng.Chance(NeatShare);
        var labels = new List<(string, string)>
        {
            ("app.kubernetes.io/instance", app), ("app.kubernetes.io/managed-by", "Helm"), ("app.kubernetes.io/name", app),
            ("app.kubernetes.io/part-of", Teams[index % Teams.Length]), ("app.kubernetes.io/version", "1." + _rng.Next(0, 40)), ("helm.sh/chart", $"{app}-{_rng.Next(0, 5)}.{_rng.Next(0, 20)}.0"),
        };
        var stateful = _rng.Chance(0.1);
        var roll = _rng.NextDouble();
        var replicas = roll < 0.4 ? _rng.Next(1, 3) : roll < 0.8 ? _rng.Next(3, 8) : _rng.Next(8, 25);
        if (gpuApp) replicas = Math.Min(replicas, 4);

        ServiceAccount(app, ns, labels);
        for (var i = _rng.Next(0, 2); i >= 0 && _written < budget; i--) ConfigMap(i == 0 ? app + "-config" : $"{app}-config-{i}", ns, labels);
        for (var i = _rng.Chance(0.15) ? 2 : _rng.Next(0, 1); i >= 0 && _written < budget; i--) Secret(i switch { 0 => app + "-secrets", 1 => app + "-tls", _ => $"sh.helm.release.v1.{app}.v{_rng.Next(1, 9)}" }, ns, labels, helmRelease: i > 1);
        if (_written >= budget) return;
        var svcIps = Service(app, ns, labels, headless: stateful);

        var podIps = new List<(string Ip, string Pod, NodeInfo Node)>();
        if (stateful)
        {
            var uid = _rng.Uid();
            Workload("apps/v1", "StatefulSet", app, ns, labels, shape, replicas, uid);
            for (var r = 0; r < replicas && _written < budget; r++) podIps.Add(Pod($"{app}-{r}", null, ns, [labels[0], labels[2], ("apps.kubernetes.io/pod-index", r.ToString(CultureInfo.InvariantCulture))], shape, "StatefulSet", app, uid, gpuApp));
        }
        else
        {
            var deployUid = _rng.Uid();
            Workload("apps/v1", "Deployment", app, ns, labels, shape, replicas, deployUid);
            var oldSets = _rng.Next(0, 1);
            for (var o = 0; o <= oldSets && _written < budget; o++)
            {
                var hash = _rng.Suffix(10);
                var rsName = $"{app}-{hash}";
                var rsUid = _rng.Uid();
                var current = o == oldSets;
                Workload("apps/v1", "ReplicaSet", rsName, ns, [.. labels, ("pod-template-hash", hash)], shape, current ? replicas : 0, rsUid, ("Deployment", app, deployUid));
                if (!current) continue;
                for (var r = 0; r < replicas && _written < budget; r++)
                {
                    podIps.Add(Pod($"{rsName}-{_rng.Suffix(5)}", rsName + "-", ns, [labels[0], labels[2], ("pod-template-hash", hash)], shape, "ReplicaSet", rsName, rsUid, gpuApp));
                }
            }
        }

        if (_written >= budget) return;
        Endpoints(app, ns, labels, podIps);
        EndpointSlice(app, ns, labels, podIps, svcIps);
        if (_crds.Count > 0 && _rng.Chance(0.35)) CustomResource(app, ns, labels);
    }

    private void DaemonSetBundle(int i)
    {
        var name = DaemonSetNames[i];
        var ns = i < 3 ? "kube-system" : name.Split('-')[0] + "-system";
        var gpuOnly = name.StartsWith("nvidia", StringComparison.Ordinal) || name.StartsWith("dcgm", StringComparison.Ordinal);
        var shape = MakeShape(name, gpuOnly);
        _neat = _rng.Chance(NeatShare);
        List<(string, string)> labels = [("app.kubernetes.io/name", name), ("app.kubernetes.io/managed-by", "Helm"), ("k8s-app", name)];
        var uid = _rng.Uid();
        Workload("apps/v1", "DaemonSet", name, ns, labels, shape, DaemonPodCount(i), uid);
        foreach (var node in _nodes)
        {
            if (Full) return;
            if (gpuOnly && !node.Gpu) continue;
            Pod($"{name}-{_rng.Suffix(5)}", name + "-", ns, [.. labels, ("controller-revision-hash", _rng.Suffix(10)), ("pod-template-generation", "3")], shape, "DaemonSet", name, uid, gpuOnly, node);
        }
    }

    private void Workload(string apiVersion, string kind, string name, string ns, List<(string, string)> labels, Shape shape, int replicas, string uid, (string Kind, string Name, string Uid)? owner = null)
    {
        var w = Begin(apiVersion, kind);
        List<(string, string)> annotations = kind switch
        {
            "Deployment" => [("deployment.kubernetes.io/revision", _rng.Next(1, 30).ToString(CultureInfo.InvariantCulture)), ("meta.helm.sh/release-name", name), ("meta.helm.sh/release-namespace", ns)],
            "ReplicaSet" => [("deployment.kubernetes.io/desired-replicas", replicas.ToString(CultureInfo.InvariantCulture)), ("deployment.kubernetes.io/max-replicas", (replicas + 1).ToString(CultureInfo.InvariantCulture)), ("deployment.kubernetes.io/revision", "3")],
            _ => [("meta.helm.sh/release-name", name), ("meta.helm.sh/release-namespace", ns)],
        };
        Metadata(w, name, ns, labels, annotations, owner is { } o ? Owner("apps/v1", o.Kind, o.Name, o.Uid) : null, generation: _rng.Next(1, 30));
        w.Map("spec");
        if (kind != "DaemonSet") w.Int("replicas", replicas);
        if (kind == "Deployment") w.Int("progressDeadlineSeconds", 600);
        w.Int("revisionHistoryLimit", 10);
        w.Map("selector").Map("matchLabels").Str("app.kubernetes.io/instance", labels[0].Item2).Str("app.kubernetes.io/name", labels[0].Item2).End().End();
        if (kind == "StatefulSet") w.Str("serviceName", name).Raw("podManagementPolicy", "OrderedReady");
        if (kind is "Deployment" or "DaemonSet")
        {
            w.Map(kind == "Deployment" ? "strategy" : "updateStrategy").Map("rollingUpdate").Str("maxSurge", "25%").Str("maxUnavailable", "25%").End().Raw("type", "RollingUpdate").End();
        }

        w.Map("template").Map("metadata");
        w.Map("annotations").Str("kubectl.kubernetes.io/restartedAt", Ts()).Str("prometheus.io/scrape", "true").Str("prometheus.io/port", "9090").End();
        w.Raw("creationTimestamp", "null").Map("labels");
        foreach (var (k, v) in labels) w.Str(k, v);
        w.End().End();
        PodSpec(w, shape, stored: false, null);
        w.End(); // template
        if (kind == "StatefulSet" && shape.Volumes.Any(v => v.Kind == "persistentVolumeClaim"))
        {
            w.Seq("volumeClaimTemplates").Item().Raw("apiVersion", "v1").Raw("kind", "PersistentVolumeClaim").Map("metadata").Str("name", "data").End()
                .Map("spec").Seq("accessModes").ItemStr("ReadWriteOnce").EndSeq().Map("resources").Map("requests").Str("storage", "20Gi").End().End()
                .Str("storageClassName", "ebs-gp3-0").Raw("volumeMode", "Filesystem").End().EndItem().EndSeq();
        }

        w.End(); // spec
        if (_neat)
        {
            Emit(kind);
            return;
        }

        w.Map("status");
        if (kind == "DaemonSet")
        {
            w.Int("currentNumberScheduled", replicas).Int("desiredNumberScheduled", replicas).Int("numberAvailable", replicas).Int("numberMisscheduled", 0)
                .Int("numberReady", replicas).Int("observedGeneration", 3).Int("updatedNumberScheduled", replicas);
        }
        else
        {
            if (replicas > 0) w.Int("availableReplicas", replicas);
            if (kind == "Deployment")
            {
                w.Seq("conditions")
                    .Item().Str("lastTransitionTime", Ts()).Str("lastUpdateTime", Ts()).Str("message", "Deployment has minimum availability.").Raw("reason", "MinimumReplicasAvailable").Str("status", "True").Raw("type", "Available").EndItem()
                    .Item().Str("lastTransitionTime", Ts()).Str("lastUpdateTime", Ts()).Str("message", $"ReplicaSet \"{name}-{_rng.Suffix(10)}\" has successfully progressed.").Raw("reason", "NewReplicaSetAvailable").Str("status", "True").Raw("type", "Progressing").EndItem()
                    .EndSeq();
            }

            w.Int("fullyLabeledReplicas", replicas).Int("observedGeneration", 3).Int("readyReplicas", replicas).Int("replicas", replicas);
        }

        w.End();
        Emit(kind);
    }

    private (string Ip, string Pod, NodeInfo Node) Pod(string name, string? generateName, string ns, List<(string, string)> labels, Shape shape, string ownerKind, string ownerName, string ownerUid, bool gpu, NodeInfo? node = null)
    {
        _gpuNodes ??= _nodes.Where(n => n.Gpu).ToList();
        node ??= gpu && _gpuNodes.Count > 0 ? _rng.Pick(_gpuNodes) : _rng.Pick(_nodes);
        var ip = _rng.Ip(10, 100 + _rng.Next(0, 50));
        var w = Begin("v1", "Pod");
        var managed = _rng.Chance(0.05)
            ? ManagedFields("kube-controller-manager", labels.Select(l => l.Item1).ToList(), shape.Containers.Select(c => c.Name).ToList(), status: true)
            : null;
        Metadata(w, name, ns, labels, _rng.Chance(0.15) ? [("kubectl.kubernetes.io/restartedAt", Ts())] : null,
            Owner("apps/v1", ownerKind, ownerName, ownerUid), generateName, managed);
        PodSpec(w, shape, stored: !_neat, node);
        if (_neat)
        {
            Emit("Pod");
            return (ip, name, node);
        }

        w.Map("status");
        w.Seq("conditions");
        foreach (var t in new[] { "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled" })
        {
            w.Item().Raw("lastProbeTime", "null").Str("lastTransitionTime", Ts()).Str("status", "True").Raw("type", t).EndItem();
        }

        w.EndSeq().Seq("containerStatuses");
        foreach (var c in shape.Containers)
        {
            w.Item().Str("containerID", "containerd://" + _rng.HexString(64)).Str("image", c.Image).Str("imageID", c.Image.Split(':')[0] + "@sha256:" + _rng.HexString(64))
                .Raw("lastState", "{}").Str("name", c.Name).Bool("ready", true).Int("restartCount", _rng.Chance(0.1) ? _rng.Next(1, 40) : 0).Bool("started", true)
                .Map("state").Map("running").Str("startedAt", Ts()).End().End().EndItem();
        }

        w.EndSeq().Str("hostIP", node.Ip).Seq("hostIPs").Item().Str("ip", node.Ip).EndItem().EndSeq().Raw("phase", "Running")
            .Str("podIP", ip).Seq("podIPs").Item().Str("ip", ip).EndItem().EndSeq().Raw("qosClass", "Burstable").Str("startTime", Ts()).End();
        Emit("Pod");
        return (ip, name, node);
    }

    private string[] Service(string app, string ns, List<(string, string)> labels, bool headless)
    {
        var w = Begin("v1", "Service");
        Metadata(w, app, ns, labels, [("meta.helm.sh/release-name", app), ("meta.helm.sh/release-namespace", ns)]);
        var ip = headless ? "None" : _rng.Ip(172, 20);
        w.Map("spec").Str("clusterIP", ip).Seq("clusterIPs").ItemStr(ip).EndSeq().Raw("internalTrafficPolicy", "Cluster")
            .Seq("ipFamilies").ItemStr("IPv4").EndSeq().Raw("ipFamilyPolicy", "SingleStack")
            .Seq("ports").Item().Str("name", "http").Int("port", 80).Raw("protocol", "TCP").Str("targetPort", "http").EndItem();
        if (_rng.Chance(0.4)) w.Item().Str("name", "metrics").Int("port", 9090).Raw("protocol", "TCP").Int("targetPort", 9090).EndItem();
        w.EndSeq().Map("selector").Str("app.kubernetes.io/instance", app).Str("app.kubernetes.io/name", app).End()
            .Raw("sessionAffinity", "None").Raw("type", "ClusterIP").End().Map("status").Raw("loadBalancer", "{}").End();
        Emit("Service");
        return [ip];
    }

    private void Endpoints(string app, string ns, List<(string, string)> labels, List<(string Ip, string Pod, NodeInfo Node)> pods)
    {
        var w = Begin("v1", "Endpoints");
        Metadata(w, app, ns, labels, [("endpoints.kubernetes.io/last-change-trigger-time", Ts())]);
        if (pods.Count > 0)
        {
            w.Seq("subsets").Item().Seq("addresses");
            foreach (var (ip, pod, node) in pods)
            {
                w.Item().Str("ip", ip).Str("nodeName", node.Name).Map("targetRef").Raw("kind", "Pod").Str("name", pod).Str("namespace", ns).Raw("uid", _rng.Uid()).End().EndItem();
            }

            w.EndSeq().Seq("ports").Item().Str("name", "http").Int("port", 8080).Raw("protocol", "TCP").EndItem().EndSeq().EndItem().EndSeq();
        }

        Emit("Endpoints");
    }

    private void EndpointSlice(string app, string ns, List<(string, string)> labels, List<(string Ip, string Pod, NodeInfo Node)> pods, string[] svcIps)
    {
        _ = svcIps;
        var w = Begin("discovery.k8s.io/v1", "EndpointSlice");
        Metadata(w, $"{app}-{_rng.Suffix(5)}", ns, [.. labels, ("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io"), ("kubernetes.io/service-name", app)],
            [("endpoints.kubernetes.io/last-change-trigger-time", Ts())], Owner("v1", "Service", app, _rng.Uid()), app + "-", generation: _rng.Next(1, 50));
        w.Raw("addressType", "IPv4");
        if (pods.Count == 0)
        {
            w.Raw("endpoints", "null");
        }
        else
        {
            w.Seq("endpoints");
            foreach (var (ip, pod, node) in pods)
            {
                w.Item().Seq("addresses").ItemStr(ip).EndSeq().Map("conditions").Bool("ready", true).Bool("serving", true).Bool("terminating", false).End()
                    .Str("nodeName", node.Name).Map("targetRef").Raw("kind", "Pod").Str("name", pod).Str("namespace", ns).Raw("uid", _rng.Uid()).End().Str("zone", node.Zone).EndItem();
            }

            w.EndSeq();
        }

        w.Seq("ports").Item().Str("name", "http").Int("port", 8080).Raw("protocol", "TCP").EndItem().EndSeq();
        Emit("EndpointSlice");
    }

    private void ServiceAccount(string app, string ns, List<(string, string)> labels)
    {
        var w = Begin("v1", "ServiceAccount");
        Metadata(w, app, ns, labels, _rng.Chance(0.3) ? [("eks.amazonaws.com/role-arn", $"arn:aws:iam::123456789012:role/{ns}-{app}")] : null);
        if (_rng.Chance(0.3)) w.Seq("imagePullSecrets").Item().Str("name", "regcred").EndItem().EndSeq();
        Emit("ServiceAccount");
    }

    private void ConfigMap(string name, string ns, List<(string, string)> labels)
    {
        var w = Begin("v1", "ConfigMap");
        w.Map("data");
        var entries = _rng.Next(1, 3);
        for (var i = 0; i < entries; i++)
        {
            switch (_rng.Next(0, 4))
            {
                case 0:
                    w.Block(i == 0 ? "application.properties" : $"application-{i}.properties", Properties());
                    break;
                case 1:
                    w.Block(i == 0 ? "config.yaml" : $"config-{i}.yaml", ConfigYaml());
                    break;
                case 2:
                    w.Block(i == 0 ? "nginx.conf" : $"nginx-{i}.conf", Nginx());
                    break;
                default:
                    w.Str($"{_rng.Pick(AppWords).ToUpperInvariant()}_{i}", _rng.Pick("enabled", "30", "true", "https://api.example.com/v2"));
                    break;
            }
        }

        w.End();
        Metadata(w, name, ns, labels, [("meta.helm.sh/release-name", name), ("meta.helm.sh/release-namespace", ns)]);
        Emit("ConfigMap");
    }

    private string Properties()
    {
        var sb = new StringBuilder();
        for (var i = _rng.Next(3, 12); i > 0; i--)
        {
            sb.Append(_rng.Pick(AppWords)).Append('.').Append(_rng.Pick(FieldWords)).Append('=').Append(_rng.Pick("true", "30s", "jdbc:postgresql://db:5432/app", "INFO", "100")).Append('\n');
        }

        return sb.ToString();
    }

    private string ConfigYaml()
    {
        var sb = new StringBuilder("server:\n  port: 8080\n  shutdownTimeout: 30s\nlogging:\n  level: info\n  format: json\nfeatures:\n");
        for (var i = _rng.Next(2, 8); i > 0; i--) sb.Append("  ").Append(_rng.Pick(AppWords)).Append(i).Append(": ").Append(_rng.Chance(0.5) ? "true" : "false").Append('\n');
        sb.Append("upstreams:\n");
        for (var i = _rng.Next(1, 3); i > 0; i--) sb.Append("  - name: ").Append(_rng.Pick(AppWords)).Append("\n    url: http://").Append(_rng.Pick(AppWords)).Append(".svc:8080\n    timeout: 5s\n");
        return sb.ToString();
    }

    private string Nginx()
    {
        var sb = new StringBuilder("worker_processes auto;\nevents {\n    worker_connections 1024;\n}\nhttp {\n    sendfile on;\n    keepalive_timeout 65;\n");
        for (var i = _rng.Next(1, 4); i > 0; i--)
        {
            sb.Append("    server {\n        listen ").Append(8080 + i).Append(";\n        location / {\n            proxy_pass http://").Append(_rng.Pick(AppWords))
                .Append(":8080;\n            proxy_set_header Host $host;\n        }\n    }\n");
        }

        return sb.Append("}\n").ToString();
    }

    private void Secret(string name, string ns, List<(string, string)> labels, bool helmRelease)
    {
        var w = Begin("v1", "Secret");
        w.Map("data");
        if (helmRelease)
        {
            w.Str("release", _rng.Base64(_rng.Next(1000, 3000)));
        }
        else
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = _rng.Next(1, 4); i > 0; i--) { var key = $"{_rng.Pick(AppWords)}-{_rng.Pick("password", "token", "api-key", "username")}"; if (keys.Add(key)) w.Str(key, _rng.Base64(_rng.Next(8, 48))); }
            if (_rng.Chance(0.05)) w.Str("tls.crt", _rng.Base64(_rng.Next(900, 1400))).Str("tls.key", _rng.Base64(_rng.Next(1100, 1700)));
        }

        w.End();
        List<(string, string)> secretLabels = helmRelease ? [("name", name.Split('.')[3]), ("owner", "helm"), ("status", "deployed"), ("version", "1")] : labels;
        Metadata(w, name, ns, secretLabels);
        w.Raw("type", helmRelease ? "helm.sh/release.v1" : "Opaque");
        Emit("Secret");
    }

    private void CustomResource(string app, string ns, List<(string, string)> labels)
    {
        var crd = _rng.Pick(_crds);
        var w = Begin($"{crd.Group}/{crd.Version}", crd.Kind);
        Metadata(w, app, crd.Namespaced ? ns : null, labels, [("meta.helm.sh/release-name", app)], generation: _rng.Next(1, 10));
        w.Map("spec");
        w.Seq("endpoints");
        for (var i = _rng.Next(1, 3); i > 0; i--)
        {
            w.Item().Str("interval", "30s").Str("path", "/metrics").Str("port", "metrics").Str("scheme", "http")
                .Seq("relabelings").Item().Seq("sourceLabels").ItemStr("__meta_kubernetes_pod_node_name").EndSeq().Str("targetLabel", "node").EndItem().EndSeq().EndItem();
        }

        w.EndSeq();
        w.Map("namespaceSelector").Seq("matchNames").ItemStr(ns).EndSeq().End();
        w.Map("selector").Map("matchLabels").Str("app.kubernetes.io/name", app).End().End();
        w.Map("template").Map("spec").Map("resources").Map("requests").Str("cpu", "100m").Str("memory", "128Mi").End().End().End().End();
        w.End();
        w.Map("status").Seq("conditions").Item().Str("lastTransitionTime", Ts()).Str("message", "Reconciled successfully").Raw("reason", "Ready").Str("status", "True").Raw("type", "Ready").EndItem().EndSeq()
            .Int("observedGeneration", 1).End();
        Emit(crd.Kind);
    }
}
