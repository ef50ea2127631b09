using K8sLandscape.Analyzers.Fleet;

namespace K8sLandscape.Analyzers.Tests.Fleet;

public class LandscapeSummaryBuilderTests
{
    private const string Cluster = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: { name: kube-flannel-ds, namespace: kube-flannel }
        spec:
          template:
            spec:
              initContainers:
              - name: install-cni-plugin
                image: ghcr.io/flannel-io/flannel-cni-plugin:v1.9.1-flannel3
              containers:
              - name: kube-flannel
                image: ghcr.io/flannel-io/flannel:v0.28.9
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.acme.example.com
          annotations: { acme.example.com/bundle-version: v2.1.0 }
        spec:
          group: acme.example.com
          names: { plural: widgets, singular: widget, kind: Widget }
          scope: Namespaced
          versions:
          - { name: v1, served: true, storage: true }
          - { name: v1beta1, served: true, storage: false }
          - { name: v1alpha1, served: false, storage: false }
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: fast
          annotations: { storageclass.kubernetes.io/is-default-class: "true" }
        provisioner: ebs.csi.aws.com
        reclaimPolicy: Retain
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata: { name: policy }
        webhooks:
        - name: check.example.com
          failurePolicy: Ignore
          sideEffects: None
          admissionReviewVersions: [v1]
          namespaceSelector: { matchLabels: { team: a } }
          clientConfig: { service: { namespace: policy, name: webhook } }
          rules:
          - { apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods] }
        """;

    private static LandscapeSummary Summary() =>
        LandscapeSummaryBuilder.Build(TestLandscapes.FromYaml(Cluster), [], "test", "test.yaml");

    [Fact]
    public void The_main_image_gives_the_version_and_a_helper_image_does_not_add_one()
    {
        var s = Summary();

        var flannel = Assert.Single(s.Points.Single(p => p.Name == "pod-network").Implementations);
        Assert.Equal("flannel", flannel.Id);
        Assert.Equal(["0.28.9"], flannel.Versions);
        var component = s.Components.Single(c => c.Id == "flannel");
        Assert.Equal("image-tag", component.VersionSource);
        Assert.Equal(["0.28.9"], component.Versions);
    }

    [Fact]
    public void A_crd_group_carries_its_bundle_version_and_served_and_storage_versions()
    {
        var impl = Assert.Single(Summary().Points.Single(p => p.Name == "api-group:acme.example.com").Implementations);

        Assert.Equal(["2.1.0"], impl.Versions);
        Assert.Equal("v1,v1beta1", impl.Settings["crd/widgets.acme.example.com.served"]);
        Assert.Equal("v1", impl.Settings["crd/widgets.acme.example.com.storage"]);
    }

    [Fact]
    public void Storage_classes_and_webhooks_carry_their_settings()
    {
        var s = Summary();

        var fast = Assert.Single(s.Points.Single(p => p.Name == "default-storage-class").Implementations);
        Assert.Equal("Retain", fast.Settings["storageclass/fast.reclaimPolicy"]);
        Assert.Equal("Immediate", fast.Settings["storageclass/fast.volumeBindingMode"]);
        var webhook = s.Points.Where(p => p.Area == "admission").SelectMany(p => p.Implementations).First();
        Assert.Equal("Ignore", webhook.Settings["webhook/policy/check.example.com.failurePolicy"]);
        Assert.Equal("selected", webhook.Settings["webhook/policy/check.example.com.scope"]);
    }

    [Fact]
    public void Points_are_in_area_order_and_the_summary_is_deterministic()
    {
        var first = Json(Summary());
        var second = Json(Summary());

        Assert.Equal(first, second);
        var areas = Summary().Points.Select(p => p.Area).Distinct().ToArray();
        Assert.Equal(K8sLandscape.Model.LandscapeAreas.All.Where(areas.Contains), areas);
    }

    [Fact]
    public void Suppressed_findings_are_left_out_and_the_input_folder_is_cut_from_messages()
    {
        var landscape = TestLandscapes.FromYaml(Cluster, "/clusters/eu-1/all.yaml");
        var engine = LandscapeAnalysis.Create().Build();
        var result = engine.Run(landscape);

        var s = LandscapeSummaryBuilder.Build(landscape, result.Findings, "eu-1", "/clusters/eu-1/all.yaml");

        Assert.Equal(result.Findings.Count(f => !f.Suppressed), s.Findings.Count);
        Assert.All(s.Findings, f => Assert.DoesNotContain("/clusters/eu-1/", f.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("clusters/eu-1", "eu-1")]
    [InlineData("snapshots/eu-2.yaml", "eu-2")]
    [InlineData("-", "stdin")]
    public void Names_come_from_the_input(string input, string name) =>
        Assert.Equal(name, LandscapeSummaryBuilder.NameOf(input));

    internal static string Json(LandscapeSummary s)
    {
        var w = new StringWriter();
        LandscapeSummaryJson.Write(w, s);
        return w.ToString();
    }
}
