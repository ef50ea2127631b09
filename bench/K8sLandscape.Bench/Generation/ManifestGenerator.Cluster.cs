using System.Globalization;

namespace K8sLandscape.Bench.Generation;

/// <summary>Cluster-scoped objects: Nodes, CRDs, webhooks, storage, runtime, priority and ingress classes.</summary>
internal sealed partial class ManifestGenerator
{
    private static readonly string[] Zones = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"];
    private static readonly string[] InstanceTypes = ["m6i.4xlarge", "m6i.8xlarge", "r6i.4xlarge", "c6i.8xlarge", "m7g.4xlarge"];
    private static readonly string[] GpuInstanceTypes = ["p4d.24xlarge", "g5.12xlarge", "p5.48xlarge"];
    private static readonly string[] RuntimeHandlers = ["nvidia", "runsc", "kata-qemu", "crun", "wasmtime"];
    private static readonly string[] CsiProvisioners = ["ebs.csi.aws.com", "efs.csi.aws.com", "fsx.csi.aws.com", "secrets-store.csi.k8s.io", "csi.tigera.io", "s3.csi.aws.com", "nfs.csi.k8s.io", "smb.csi.k8s.io", "rook-ceph.rbd.csi.ceph.com", "rook-ceph.cephfs.csi.ceph.com", "driver.longhorn.io", "pd.csi.storage.gke.io"];

    private static readonly (string Group, string Kind, string Plural, bool Namespaced)[] KnownCrds =
    [
        ("monitoring.coreos.com", "ServiceMonitor", "servicemonitors", true),
        ("monitoring.coreos.com", "PrometheusRule", "prometheusrules", true),
        ("monitoring.coreos.com", "PodMonitor", "podmonitors", true),
        ("cert-manager.io", "Certificate", "certificates", true),
        ("cert-manager.io", "ClusterIssuer", "clusterissuers", false),
        ("argoproj.io", "Application", "applications", true),
        ("networking.istio.io", "VirtualService", "virtualservices", true),
        ("networking.istio.io", "DestinationRule", "destinationrules", true),
        ("karpenter.sh", "NodePool", "nodepools", false),
        ("nvidia.com", "ClusterPolicy", "clusterpolicies", false),
        ("snapshot.storage.k8s.io", "VolumeSnapshot", "volumesnapshots", true),
        ("gateway.networking.k8s.io", "HTTPRoute", "httproutes", true),
        ("keda.sh", "ScaledObject", "scaledobjects", true),
        ("external-secrets.io", "ExternalSecret", "externalsecrets", true),
        ("kyverno.io", "ClusterPolicy", "clusterpolicies", false),
        ("resource.k8s.io", "DeviceClass", "deviceclasses", false),
    ];

    private static readonly string[] DescriptionWords =
    [
        "the", "of", "a", "to", "is", "for", "this", "that", "field", "value", "object", "when", "if", "set", "defaults",
        "specifies", "resource", "name", "must", "be", "may", "not", "only", "used", "by", "controller", "reconcile",
        "selector", "label", "namespace", "cluster", "configuration", "policy", "template", "endpoint", "secret",
        "optional", "required", "list", "string", "integer", "duration", "interval", "timeout", "in", "seconds",
        "More", "info", "see", "documentation", "Kubernetes", "API", "spec", "status", "condition", "observed",
    ];

    private string Sentence(int minWords, int maxWords)
    {
        var n = _rng.Next(minWords, maxWords);
        var words = new string[n];
        for (var i = 0; i < n; i++) words[i] = _rng.Pick(DescriptionWords);
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words) + ".";
    }

    private void Node(int i)
    {
        var gpu = i % 8 == 7;
        var zone = Zones[i % Zones.Length];
        var ip = _rng.Ip(10, 20 + (i % 4));
        var name = $"ip-{ip.Replace('.', '-')}.ec2.internal";
        _nodes.Add(new NodeInfo(name, zone, gpu, ip));
        var instance = gpu ? _rng.Pick(GpuInstanceTypes) : _rng.Pick(InstanceTypes);
        var arch = instance.StartsWith("m7g", StringComparison.Ordinal) ? "arm64" : "amd64";
        var labels = new List<(string, string)>
        {
            ("beta.kubernetes.io/arch", arch), ("beta.kubernetes.io/instance-type", instance), ("beta.kubernetes.io/os", "linux"),
            ("eks.amazonaws.com/capacityType", _rng.Chance(0.3) ? "SPOT" : "ON_DEMAND"), ("eks.amazonaws.com/nodegroup", gpu ? "gpu-a100" : "general-" + (i % 6)),
            ("failure-domain.beta.kubernetes.io/region", "us-east-1"), ("failure-domain.beta.kubernetes.io/zone", zone),
            ("kubernetes.io/arch", arch), ("kubernetes.io/hostname", name), ("kubernetes.io/os", "linux"),
            ("node.kubernetes.io/instance-type", instance), ("topology.ebs.csi.aws.com/zone", zone),
            ("topology.kubernetes.io/region", "us-east-1"), ("topology.kubernetes.io/zone", zone),
        };
        if (gpu)
        {
            labels.Add(("nvidia.com/gpu.present", "true"));
            labels.Add(("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-80GB"));
            labels.Add(("nvidia.com/gpu.count", "8"));
            labels.Add(("nvidia.com/cuda.driver.major", "550"));
            labels.Add(("nvidia.com/mig.capable", "true"));
        }

        var annotations = new List<(string, string)>
        {
            ("alpha.kubernetes.io/provided-node-ip", ip),
            ("csi.volume.kubernetes.io/nodeid", $"{{\"ebs.csi.aws.com\":\"i-0{_rng.HexString(16)}\",\"efs.csi.aws.com\":\"i-0{_rng.HexString(16)}\"}}"),
            ("node.alpha.kubernetes.io/ttl", "0"),
            ("volumes.kubernetes.io/controller-managed-attach-detach", "true"),
        };
        var w = Begin("v1", "Node");
        Metadata(w, name, null, labels, annotations);
        w.Map("spec").Str("providerID", $"aws:///{zone}/i-0{_rng.HexString(16)}");
        if (gpu)
        {
            w.Seq("taints").Item().Raw("effect", "NoSchedule").Raw("key", "nvidia.com/gpu").Str("value", "true").EndItem().EndSeq();
        }

        w.End();
        var cpu = gpu ? 96 : _rng.Pick(16, 32);
        var memKi = (long)cpu * 4 * 1024 * 1024 - _rng.Next(0, 500_000);
        w.Map("status").Seq("addresses")
            .Item().Raw("address", ip).Raw("type", "InternalIP").EndItem()
            .Item().Raw("address", name).Raw("type", "InternalDNS").EndItem()
            .Item().Raw("address", name).Raw("type", "Hostname").EndItem().EndSeq();
        foreach (var section in new[] { "allocatable", "capacity" })
        {
            var alloc = section == "allocatable";
            w.Map(section).Str("cpu", alloc ? $"{cpu * 1000 - 90}m" : cpu.ToString(CultureInfo.InvariantCulture))
                .Str("ephemeral-storage", alloc ? "95491281146" : "104845292Ki").Str("hugepages-1Gi", "0").Str("hugepages-2Mi", "0")
                .Str("memory", $"{(alloc ? memKi - 1_200_000 : memKi)}Ki");
            if (gpu) w.Str("nvidia.com/gpu", "8");
            w.Str("pods", gpu ? "250" : "110").End();
        }

        w.Seq("conditions");
        foreach (var (type, status, reason, message) in NodeConditions)
        {
            w.Item().Str("lastHeartbeatTime", Ts()).Str("lastTransitionTime", Ts()).Str("message", message).Raw("reason", reason).Str("status", status).Raw("type", type).EndItem();
        }

        w.EndSeq();
        w.Map("daemonEndpoints").Map("kubeletEndpoint").Int("Port", 10250).End().End();
        w.Seq("images");
        var images = _rng.Next(8, gpu ? 30 : 20);
        for (var k = 0; k < images; k++)
        {
            var repo = $"{Registry()}/{_rng.Pick(AppWords)}/{_rng.Pick(AppWords)}";
            var digest = "sha256:" + _rng.HexString(64);
            w.Item().Seq("names").ItemStr($"{repo}@{digest}").ItemStr($"{repo}:v{_rng.Next(1, 9)}.{_rng.Next(0, 30)}.{_rng.Next(0, 9)}").EndSeq()
                .Int("sizeBytes", _rng.Next(5_000_000, gpu ? 2_000_000_000 : 900_000_000)).EndItem();
        }

        w.EndSeq();
        w.Map("nodeInfo").Raw("architecture", arch).Raw("bootID", _rng.Uid()).Str("containerRuntimeVersion", $"containerd://1.7.{_rng.Next(11, 27)}")
            .Str("kernelVersion", $"6.1.{_rng.Next(90, 130)}-{_rng.Next(100, 200)}.amzn2023.x86_64").Raw("kubeProxyVersion", "v1.31.4-eks-0f56d01")
            .Raw("kubeletVersion", "v1.31.4-eks-0f56d01").Raw("machineID", _rng.HexString(32)).Raw("operatingSystem", "linux")
            .Str("osImage", "Amazon Linux 2023.6.20250115").Raw("systemUUID", "ec2" + _rng.HexString(5) + "-" + _rng.HexString(4) + "-" + _rng.HexString(4) + "-" + _rng.HexString(4) + "-" + _rng.HexString(12)).End();
        if (_rng.Chance(0.3))
        {
            var vol = "kubernetes.io/csi/ebs.csi.aws.com^vol-0" + _rng.HexString(16);
            w.Seq("volumesAttached").Item().Str("devicePath", "").Str("name", vol).EndItem().EndSeq();
            w.Seq("volumesInUse").ItemStr(vol).EndSeq();
        }

        w.End();
        Emit("Node");
    }

    private static readonly (string, string, string, string)[] NodeConditions =
    [
        ("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        ("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        ("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        ("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
    ];

    private string Registry() => _rng.Pick("602401143452.dkr.ecr.us-east-1.amazonaws.com", "registry.k8s.io", "quay.io", "ghcr.io", "docker.io", "nvcr.io/nvidia");

    // ---- CRDs ----------------------------------------------------------------------------------

    private void Crd(int i)
    {
        string group, kind, plural;
        bool namespaced;
        if (i < KnownCrds.Length)
        {
            (group, kind, plural, namespaced) = KnownCrds[i];
        }
        else
        {
            var word = char.ToUpperInvariant(AppWords[i % AppWords.Length][0]) + AppWords[i % AppWords.Length][1..];
            kind = word + _rng.Pick("Policy", "Config", "Binding", "Pool", "Route", "Claim", "Set", "Profile");
            group = $"{AppWords[(i * 7) % AppWords.Length]}{i}.platform.example.com";
            plural = kind.ToLowerInvariant() + "s";
            namespaced = _rng.Chance(0.75);
        }

        var version = _rng.Pick("v1", "v1beta1", "v1alpha1", "v2");
        _crds.Add(new CrdInfo(group, kind, plural, version, namespaced));
        var w = Begin("apiextensions.k8s.io/v1", "CustomResourceDefinition");
        Metadata(w, $"{plural}.{group}", null,
            [("app.kubernetes.io/managed-by", "Helm"), ("app.kubernetes.io/part-of", group.Split('.')[0])],
            [("controller-gen.kubebuilder.io/version", "v0.16.5"), ("meta.helm.sh/release-name", group.Split('.')[0]), ("meta.helm.sh/release-namespace", "kube-system")],
            generation: _rng.Next(1, 5));
        w.Map("spec").Str("group", group).Map("names");
        w.Seq("categories").ItemStr("all").EndSeq();
        w.Str("kind", kind).Str("listKind", kind + "List").Str("plural", plural);
        w.Seq("shortNames").ItemStr(plural[..Math.Min(3, plural.Length)] + (i % 10).ToString(CultureInfo.InvariantCulture)).EndSeq();
        w.Str("singular", kind.ToLowerInvariant()).End();
        w.Raw("scope", namespaced ? "Namespaced" : "Cluster");
        w.Seq("versions").Item();
        w.Seq("additionalPrinterColumns")
            .Item().Str("jsonPath", ".status.conditions[?(@.type==\"Ready\")].status").Str("name", "Ready").Raw("type", "string").EndItem()
            .Item().Str("jsonPath", ".metadata.creationTimestamp").Str("name", "Age").Raw("type", "date").EndItem().EndSeq();
        w.Str("name", version).Map("schema").Map("openAPIV3Schema");
        w.Str("description", $"{kind} is the Schema for the {plural} API. " + Sentence(8, 30));
        w.Map("properties");
        w.Map("apiVersion").Str("description", "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources").Raw("type", "string").End();
        w.Map("kind").Str("description", "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds").Raw("type", "string").End();
        w.Map("metadata").Raw("type", "object").End();
        // Several hundred lines; one spine reaches 10-20 levels of nested properties.
        var budget = _rng.Next(100, 320);
        var depth = _rng.Next(10, 20);
        w.Map("spec");
        SchemaObject(w, 1, depth, ref budget, spine: true);
        w.End();
        var statusBudget = _rng.Next(20, 60);
        w.Map("status");
        SchemaObject(w, 1, 5, ref statusBudget, spine: true);
        w.End();
        w.End(); // properties
        w.Seq("required").ItemStr("spec").EndSeq();
        w.Raw("type", "object").End().End(); // openAPIV3Schema, schema
        w.Bool("served", true).Bool("storage", true).Map("subresources").Raw("status", "{}").End().EndItem().EndSeq();
        w.End(); // spec
        w.Map("status").Map("acceptedNames").Str("kind", kind).Str("listKind", kind + "List").Str("plural", plural).Str("singular", kind.ToLowerInvariant()).End();
        w.Seq("conditions")
            .Item().Str("lastTransitionTime", Ts()).Str("message", "no conflicts found").Raw("reason", "NoConflicts").Str("status", "True").Raw("type", "NamesAccepted").EndItem()
            .Item().Str("lastTransitionTime", Ts()).Str("message", "the initial names have been accepted").Raw("reason", "InitialNamesAccepted").Str("status", "True").Raw("type", "Established").EndItem()
            .EndSeq();
        w.Seq("storedVersions").ItemStr(version).EndSeq().End();
        Emit("CustomResourceDefinition");
    }

    private static readonly string[] FieldWords =
    [
        "selector", "template", "endpoints", "tls", "config", "rules", "matchLabels", "interval", "scrapeTimeout", "relabelings",
        "targetPort", "path", "scheme", "bearerTokenSecret", "authorization", "credentials", "key", "optional", "nodeSelector",
        "tolerations", "affinity", "podAffinityTerm", "labelSelector", "matchExpressions", "operator", "values", "weight",
        "resources", "limits", "requests", "claims", "volumeMounts", "mountPath", "readOnly", "subPath", "securityContext",
        "capabilities", "seccompProfile", "localhostProfile", "runAsUser", "fsGroup", "hostNetwork", "dnsConfig", "options",
        "retryPolicy", "backoff", "maxRetries", "timeout", "headers", "match", "route", "destination", "host", "port", "subset",
        "weightPolicy", "trafficPolicy", "connectionPool", "outlierDetection", "loadBalancer", "consistentHash", "httpCookie",
    ];

    /// <summary>Writes the body of an object schema (description, properties, type) with a spine reaching <paramref name="maxDepth"/>.</summary>
    private void SchemaObject(YamlWriter w, int depth, int maxDepth, ref int budget, bool spine)
    {
        w.Str("description", Sentence(4, 18));
        var fields = depth < 4 ? _rng.Next(2, 6) : _rng.Next(1, 4);
        var spineIndex = spine && depth < maxDepth ? _rng.Next(0, fields - 1) : -1;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var required = new List<string>();
        w.Map("properties");
        for (var f = 0; f < fields; f++)
        {
            string name;
            do name = _rng.Pick(FieldWords) + (used.Count > 20 ? used.Count.ToString(CultureInfo.InvariantCulture) : string.Empty);
            while (!used.Add(name));
            if (_rng.Chance(0.2)) required.Add(name);
            w.Map(name);
            budget -= 3;
            if (f == spineIndex)
            {
                if (depth % 3 == 2)
                {
                    w.Str("description", Sentence(3, 12)).Map("items");
                    SchemaObject(w, depth + 1, maxDepth, ref budget, spine: true);
                    w.End().Raw("type", "array");
                    if (_rng.Chance(0.5)) w.Raw("x-kubernetes-list-type", "atomic");
                }
                else
                {
                    SchemaObject(w, depth + 1, maxDepth, ref budget, spine: true);
                }
            }
            else if (budget > 0 && depth < maxDepth && _rng.Chance(depth < 6 ? 0.3 : 0.1))
            {
                SchemaObject(w, depth + 1, Math.Min(maxDepth, depth + _rng.Next(1, 4)), ref budget, spine: false);
            }
            else
            {
                SchemaLeaf(w, ref budget);
            }

            w.End();
        }

        w.End();
        if (required.Count > 0)
        {
            w.Seq("required");
            foreach (var r in required) w.ItemStr(r);
            w.EndSeq();
        }

        w.Raw("type", "object");
        if (_rng.Chance(0.1))
        {
            w.Seq("x-kubernetes-validations").Item().Str("message", "minReplicas must not exceed maxReplicas")
                .Str("rule", "!has(self.minReplicas) || !has(self.maxReplicas) || self.minReplicas <= self.maxReplicas").EndItem().EndSeq();
            budget -= 4;
        }
    }

    private void SchemaLeaf(YamlWriter w, ref int budget)
    {
        var description = Sentence(3, 16);
        switch (_rng.Next(0, 9))
        {
            case 0:
                w.Seq("anyOf").Item().Raw("type", "integer").EndItem().Item().Raw("type", "string").EndItem().EndSeq()
                    .Str("description", description).Str("pattern", "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$")
                    .Bool("x-kubernetes-int-or-string", true);
                budget -= 8;
                break;
            case 1:
                w.Str("description", description).Seq("enum").ItemStr("Always").ItemStr("IfNotPresent").ItemStr("Never").EndSeq().Raw("type", "string");
                budget -= 6;
                break;
            case 2:
                w.Str("description", description).Raw("format", "int32").Int("minimum", 0).Int("maximum", 65535).Raw("type", "integer");
                budget -= 5;
                break;
            case 3:
                w.Map("additionalProperties").Raw("type", "string").End().Str("description", description).Raw("type", "object");
                budget -= 5;
                break;
            case 4:
                w.Str("description", description).Map("items").Raw("type", "string").End().Raw("type", "array").Raw("x-kubernetes-list-type", "set");
                budget -= 6;
                break;
            case 5:
                w.Bool("default", false).Str("description", description).Raw("type", "boolean");
                budget -= 4;
                break;
            case 6:
                w.Str("description", description).Bool("x-kubernetes-preserve-unknown-fields", true).Raw("type", "object");
                budget -= 4;
                break;
            case 7:
                w.Str("default", "30s").Str("description", description).Str("pattern", "^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$").Raw("type", "string");
                budget -= 5;
                break;
            default:
                w.Str("description", description).Int("maxLength", 253).Raw("type", "string");
                budget -= 4;
                break;
        }
    }

    // ---- admission, storage, runtime, scheduling, ingress ----------------------------------------

    private void Webhook(int i, bool mutating)
    {
        var owner = _rng.Pick("istio", "kyverno", "gatekeeper", "cert-manager", "aws-load-balancer", "vpa", "opa", "linkerd", "karpenter", "nvidia-gpu-operator");
        var kind = mutating ? "MutatingWebhookConfiguration" : "ValidatingWebhookConfiguration";
        var w = Begin("admissionregistration.k8s.io/v1", kind);
        Metadata(w, $"{owner}-{(mutating ? "mutating" : "validating")}-webhook-{i}", null,
            [("app.kubernetes.io/instance", owner), ("app.kubernetes.io/managed-by", "Helm")],
            [("cert-manager.io/inject-ca-from", $"{owner}-system/{owner}-serving-cert")], generation: _rng.Next(1, 40));
        w.Seq("webhooks");
        var hooks = _rng.Next(1, 6);
        for (var h = 0; h < hooks; h++)
        {
            w.Item().Seq("admissionReviewVersions").ItemStr("v1").ItemStr("v1beta1").EndSeq();
            w.Map("clientConfig").Str("caBundle", _rng.Base64(_rng.Next(800, 1400)))
                .Map("service").Str("name", owner + "-webhook-service").Str("namespace", owner + "-system").Str("path", $"/{(mutating ? "mutate" : "validate")}-{h}").Int("port", 443).End().End();
            w.Raw("failurePolicy", _rng.Chance(0.6) ? "Fail" : "Ignore").Raw("matchPolicy", "Equivalent").Str("name", $"{(mutating ? "m" : "v")}{h}.{owner}.example.io");
            w.Map("namespaceSelector").Seq("matchExpressions").Item().Str("key", "kubernetes.io/metadata.name").Raw("operator", "NotIn")
                .Seq("values").ItemStr("kube-system").ItemStr(owner + "-system").EndSeq().EndItem().EndSeq().End();
            w.Raw("objectSelector", "{}");
            if (mutating) w.Raw("reinvocationPolicy", "Never");
            w.Seq("rules").Item().Seq("apiGroups").ItemStr(_rng.Pick("", "apps", "batch", "networking.k8s.io")).EndSeq()
                .Seq("apiVersions").ItemStr("v1").EndSeq().Seq("operations").ItemStr("CREATE").ItemStr("UPDATE").EndSeq()
                .Seq("resources").ItemStr(_rng.Pick("pods", "deployments", "services", "ingresses", "jobs")).EndSeq().Str("scope", "*").EndItem().EndSeq();
            w.Raw("sideEffects", "None").Int("timeoutSeconds", _rng.Next(5, 30)).EndItem();
        }

        w.EndSeq();
        Emit(kind);
    }

    private void StorageClass(int i)
    {
        var provisioner = CsiProvisioners[i % 3];
        var w = Begin("storage.k8s.io/v1", "StorageClass");
        List<(string, string)> annotations = i == 0 ? [("storageclass.kubernetes.io/is-default-class", "true")] : [];
        Metadata(w, $"{provisioner.Split('.')[0]}-{_rng.Pick("gp3", "io2", "st1", "sc1", "standard")}-{i}", null, [("app.kubernetes.io/managed-by", "Helm")], annotations);
        w.Bool("allowVolumeExpansion", _rng.Chance(0.8));
        if (_rng.Chance(0.3))
        {
            w.Seq("allowedTopologies").Item().Seq("matchLabelExpressions").Item().Str("key", "topology.ebs.csi.aws.com/zone")
                .Seq("values").ItemStr(Zones[0]).ItemStr(Zones[1]).EndSeq().EndItem().EndSeq().EndItem().EndSeq();
        }

        w.Seq("mountOptions").ItemStr("noatime").EndSeq();
        w.Map("parameters").Str("csi.storage.k8s.io/fstype", "ext4").Str("encrypted", "true").Str("iops", "3000").Str("throughput", "125").Str("type", "gp3").End();
        w.Str("provisioner", provisioner).Raw("reclaimPolicy", _rng.Chance(0.7) ? "Delete" : "Retain").Raw("volumeBindingMode", "WaitForFirstConsumer");
        Emit("StorageClass");
    }

    private void CsiDriver(int i)
    {
        var w = Begin("storage.k8s.io/v1", "CSIDriver");
        Metadata(w, CsiProvisioners[i % CsiProvisioners.Length], null, [("app.kubernetes.io/name", "csi-driver"), ("app.kubernetes.io/managed-by", "Helm")]);
        w.Map("spec").Bool("attachRequired", i % 3 == 0).Raw("fsGroupPolicy", _rng.Pick("File", "ReadWriteOnceWithFSType", "None"))
            .Bool("podInfoOnMount", i % 2 == 1).Bool("requiresRepublish", false).Bool("seLinuxMount", false).Bool("storageCapacity", i % 4 == 0);
        if (i % 3 == 1) w.Seq("tokenRequests").Item().Str("audience", "sts.amazonaws.com").Int("expirationSeconds", 3600).EndItem().EndSeq();
        w.Seq("volumeLifecycleModes").ItemStr("Persistent");
        if (i % 2 == 1) w.ItemStr("Ephemeral");
        w.EndSeq().End();
        Emit("CSIDriver");
    }

    private void RuntimeClass(int i)
    {
        var handler = RuntimeHandlers[i];
        var w = Begin("node.k8s.io/v1", "RuntimeClass");
        Metadata(w, handler, null, [("app.kubernetes.io/component", "runtime")]);
        w.Str("handler", handler);
        if (handler != "nvidia") w.Map("overhead").Map("podFixed").Str("cpu", "250m").Str("memory", "160Mi").End().End();
        w.Map("scheduling").Map("nodeSelector").Str(handler == "nvidia" ? "nvidia.com/gpu.present" : "sandbox.example.com/" + handler, "true").End();
        if (handler == "nvidia") w.Seq("tolerations").Item().Raw("effect", "NoSchedule").Raw("key", "nvidia.com/gpu").Raw("operator", "Exists").EndItem().EndSeq();
        w.End();
        Emit("RuntimeClass");
    }

    private void PriorityClass(int i)
    {
        var w = Begin("scheduling.k8s.io/v1", "PriorityClass");
        Metadata(w, $"tier-{i}-{_rng.Pick(AppWords)}", null, [("app.kubernetes.io/managed-by", "Helm")]);
        w.Str("description", Sentence(6, 20)).Bool("globalDefault", i == 0).Raw("preemptionPolicy", i % 4 == 3 ? "Never" : "PreemptLowerPriority").Int("value", 1_000_000 - (i * 10_000));
        Emit("PriorityClass");
    }

    private void IngressClass(int i)
    {
        var controllers = new[] { "k8s.io/ingress-nginx", "ingress.k8s.aws/alb", "traefik.io/ingress-controller", "haproxy.org/ingress-controller", "istio.io/ingress-controller" };
        var w = Begin("networking.k8s.io/v1", "IngressClass");
        Metadata(w, controllers[i].Split('/')[0].Split('.')[0] + "-" + i, null, [("app.kubernetes.io/component", "controller")],
            i == 0 ? [("ingressclass.kubernetes.io/is-default-class", "true")] : null);
        w.Map("spec").Str("controller", controllers[i]);
        if (i == 1) w.Map("parameters").Str("apiGroup", "elbv2.k8s.aws").Raw("kind", "IngressClassParams").Str("name", "alb-params").End();
        w.End();
        Emit("IngressClass");
    }
}
