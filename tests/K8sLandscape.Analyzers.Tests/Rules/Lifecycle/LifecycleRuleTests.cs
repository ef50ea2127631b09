using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;
using K8sLandscape.Analyzers.Rules.Lifecycle;

namespace K8sLandscape.Analyzers.Tests.Rules.Lifecycle;

public class LifecycleRuleTests
{
    private const string Koperator = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: kafka-operator-operator
          namespace: kafka-b
        spec:
          selector: { matchLabels: { app: kafka-operator } }
          template:
            metadata: { labels: { app: kafka-operator } }
            spec:
              containers:
                - name: manager
                  image: ghcr.io/banzaicloud/kafka-operator:v0.25.1
        """;

    private static string Strimzi(string ns, string scopeEnv) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: strimzi-cluster-operator
          namespace: {{ns}}
        spec:
          selector: { matchLabels: { name: strimzi-cluster-operator } }
          template:
            metadata: { labels: { name: strimzi-cluster-operator } }
            spec:
              containers:
                - name: strimzi-cluster-operator
                  image: quay.io/strimzi/operator:0.45.0
                  env:
        {{scopeEnv}}
        """;

    private const string OwnNamespace = """
                    - name: STRIMZI_NAMESPACE
                      valueFrom: { fieldRef: { fieldPath: metadata.namespace } }
        """;

    private const string AllNamespaces = """
                    - name: STRIMZI_NAMESPACE
                      value: "*"
        """;

    [SkippableFact]
    public void KL7001_fires_for_the_corpus_Strimzi_operator_beside_a_Koperator_install()
    {
        var f = Assert.Single(Verify(new CompetingOperatorsAnalyzer(), RuleInput.Corpus("operators/strimzi/install/cluster-operator/060-Deployment-strimzi-cluster-operator.yaml").AndFile("koperator.yaml", Koperator), new ExpectedFinding("KL7001", "060-Deployment-strimzi-cluster-operator.yaml", 1)));
        Assert.Equal("KL7001", f.Id);
        Assert.Equal(("060-Deployment-strimzi-cluster-operator.yaml", 1), Line(f.Location));
        Assert.Equal([("koperator.yaml", 1)], f.RelatedLocations.Select(Line));
        Assert.Contains("'kafka' is provided by 2 different components", f.Message, StringComparison.Ordinal);
        Assert.Contains("Strimzi (Deployment strimzi-cluster-operator)", f.Message, StringComparison.Ordinal);
        Assert.Contains("Koperator (Banzai Cloud Kafka operator) (Deployment kafka-b/kafka-operator-operator)", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL7001_fires_on_the_sample_clusters_two_Kafka_operators()
    {
        var findings = Run(new CompetingOperatorsAnalyzer(), LandscapeOf(RuleInput.Sample()));

        var kafka = Assert.Single(findings, f => f.Message.StartsWith("'kafka'", StringComparison.Ordinal));
        Assert.Equal(("lifecycle.yaml", 35), Line(kafka.Location));
        Assert.Equal([("lifecycle.yaml", 108)], kafka.RelatedLocations.Select(Line));
    }

    [Fact]
    public void KL7001_is_quiet_when_each_kind_of_software_has_one_provider()
    {
        var input = RuleInput.Yaml(Strimzi("kafka", OwnNamespace) + """

            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: prometheus-operator, namespace: monitoring }
            spec:
              template:
                spec:
                  containers: [{ name: p, image: quay.io/prometheus-operator/prometheus-operator:v0.80.0 }]
            """, "fixture.yaml");

        Assert.Empty(Verify(new CompetingOperatorsAnalyzer(), input));
    }

    [Fact]
    public void KL7002_fires_when_an_all_namespaces_Strimzi_overlaps_a_second_install()
    {
        var input = RuleInput.Texts(("a.yaml", Strimzi("kafka-a", AllNamespaces)), ("b.yaml", Strimzi("kafka-b", OwnNamespace)));

        // env[0] of the first install: the templates hold no markers, so the finding is named here.
        var f = Assert.Single(Verify(new DuplicateOperatorInstallAnalyzer(), input, new ExpectedFinding("KL7002", "a.yaml", 15)));
        Assert.Equal("KL7002", f.Id);
        Assert.Equal(("a.yaml", 15), Line(f.Location)); // env[0] of the first install
        Assert.Equal([("b.yaml", 1)], f.RelatedLocations.Select(Line));
        Assert.Equal(
            "Strimzi is installed 2 times with watch scopes that overlap on kafka-b: Deployment kafka-a/strimzi-cluster-operator (watches all namespaces) and Deployment kafka-b/strimzi-cluster-operator (watches kafka-b)",
            f.Message);
    }

    [Fact]
    public void KL7002_is_quiet_for_two_installs_that_each_watch_their_own_namespace()
    {
        var input = RuleInput.Texts(("a.yaml", Strimzi("kafka-a", OwnNamespace)), ("b.yaml", Strimzi("kafka-b", OwnNamespace)));
        Assert.Empty(Verify(new DuplicateOperatorInstallAnalyzer(), input));
    }

    [SkippableFact]
    public void KL7002_is_quiet_for_OLMs_two_controllers_that_share_one_image()
    {
        Assert.Empty(Verify(new DuplicateOperatorInstallAnalyzer(), RuleInput.Corpus("operators/olm")));
    }

    [SkippableFact]
    public void KL7003_fires_for_the_istio_validator_rendered_by_the_istio_and_istiod_releases()
    {
        var f = Assert.Single(Verify(new HelmOwnershipConflictAnalyzer(), RuleInput.Corpus(
            "helm-rendered/istio-istioctl-manifest-generate/pilot_default.golden.yaml",
            "webhooks/istio/helm-golden-istiod-webhook-install.yaml"), new ExpectedFinding("KL7003", "pilot_default.golden.yaml", 523)));
        Assert.Equal("KL7003", f.Id);
        Assert.Equal(("pilot_default.golden.yaml", 523), Line(f.Location));
        Assert.Equal([("helm-golden-istiod-webhook-install.yaml", 2)], f.RelatedLocations.Select(Line));
        Assert.Equal(
            "ValidatingWebhookConfiguration.admissionregistration.k8s.io istio-validator-istio-system is claimed by 2 Helm releases: Helm release 'istiod' and Helm release 'istio-system/istio'",
            f.Message);
    }

    [Fact]
    public void KL7003_fires_on_the_sample_clusters_ConfigMap_of_two_releases()
    {
        var f = Assert.Single(Verify(new HelmOwnershipConflictAnalyzer(), RuleInput.Sample(), new ExpectedFinding("KL7003", "lifecycle.yaml", 2)));
        Assert.Equal(("lifecycle.yaml", 2), Line(f.Location));
        Assert.Equal([("lifecycle.yaml", 16)], f.RelatedLocations.Select(Line));
        Assert.Contains("'monitoring/grafana' and Helm release 'monitoring/kube-prometheus-stack'", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL7003_fires_for_Helm_and_kustomize_claiming_one_object()
    {
        var input = RuleInput.Yaml("""
            apiVersion: v1 #! KL7003
            kind: ConfigMap
            metadata:
              name: settings
              namespace: shop
              labels: { app.kubernetes.io/managed-by: kustomize }
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: shop
              labels: { app.kubernetes.io/managed-by: Helm }
              annotations: { meta.helm.sh/release-name: shop, meta.helm.sh/release-namespace: shop }
            """, "fixture.yaml");

        var f = Assert.Single(Verify(new HelmOwnershipConflictAnalyzer(), input));
        Assert.Equal(("fixture.yaml", 1), Line(f.Location));
        Assert.Equal([("fixture.yaml", 8)], f.RelatedLocations.Select(Line));
        Assert.Equal("ConfigMap shop/settings is claimed by Helm release 'shop/shop' and 'kustomize' (fixture.yaml:1:1)", f.Message);
    }

    [SkippableFact]
    public void KL7003_is_quiet_for_one_release_and_for_helm_template_output_applied_twice()
    {
        // Calico's manifests are 'helm template' output of two charts with the same CRDs and no release metadata.
        var input = RuleInput.Corpus("cni/calico/calico.yaml", "cni/calico/operator-crds.yaml", "helm-rendered/istio-istioctl-manifest-generate/istio-cni.golden.yaml");
        Assert.Empty(Verify(new HelmOwnershipConflictAnalyzer(), input));
    }

    private const string OperatorGroups = """
        apiVersion: operators.coreos.com/v1
        kind: OperatorGroup
        metadata:
          name: team-a
          namespace: team-a
          annotations: { olm.providedAPIs: Kafka.v1beta2.kafka.strimzi.io } #! KL7004
        ---
        apiVersion: operators.coreos.com/v1 #! KL7004
        kind: OperatorGroup
        metadata:
          name: global
          namespace: operators
          annotations: { olm.providedAPIs: "Kafka.v1beta2.kafka.strimzi.io,KafkaTopic.v1beta2.kafka.strimzi.io" }
        ---
        apiVersion: operators.coreos.com/v1
        kind: OperatorGroup
        metadata:
          name: second
          namespace: operators
        spec:
          targetNamespaces: [operators]
        ---
        apiVersion: operators.coreos.com/v1alpha1
        kind: ClusterServiceVersion
        metadata: { name: strimzi.v0.45.0, namespace: team-a }
        spec:
          customresourcedefinitions:
            owned:
              - { name: kafkas.kafka.strimzi.io, version: v1beta2, kind: Kafka } #! KL7004
        ---
        apiVersion: operators.coreos.com/v1alpha1
        kind: ClusterServiceVersion
        metadata: { name: strimzi.v0.44.0, namespace: operators }
        spec:
          customresourcedefinitions:
            owned:
              - { name: kafkas.kafka.strimzi.io, version: v1beta2, kind: Kafka }
        """;

    [Fact]
    public void KL7004_fires_for_two_groups_in_a_namespace_intersecting_groups_and_a_CRD_owned_twice()
    {
        var findings = Verify(new OlmConflictAnalyzer(), RuleInput.Yaml(OperatorGroups, "olm.yaml"));

        Assert.All(findings, f => Assert.Equal("KL7004", f.Id));
        var tooMany = Assert.Single(findings, f => f.Message.Contains("TooManyOperatorGroups", StringComparison.Ordinal));
        Assert.Equal(("olm.yaml", 8), Line(tooMany.Location));
        Assert.Equal([("olm.yaml", 15)], tooMany.RelatedLocations.Select(Line));
        Assert.StartsWith("namespace 'operators' has 2 OperatorGroups (global and second)", tooMany.Message, StringComparison.Ordinal);

        var intersecting = Assert.Single(findings, f => f.Message.Contains("InterOperatorGroupOwnerConflict", StringComparison.Ordinal));
        Assert.Equal(("olm.yaml", 6), Line(intersecting.Location)); // team-a's annotations
        Assert.Equal([("olm.yaml", 8)], intersecting.RelatedLocations.Select(Line));
        Assert.Contains("'team-a/team-a' and 'operators/global'", intersecting.Message, StringComparison.Ordinal);
        Assert.Contains("Kafka.v1beta2.kafka.strimzi.io", intersecting.Message, StringComparison.Ordinal);

        var owned = Assert.Single(findings, f => f.Message.StartsWith("CRD ", StringComparison.Ordinal));
        Assert.Equal(("olm.yaml", 29), Line(owned.Location)); // the owned[0] entry of the first CSV
        Assert.Equal([("olm.yaml", 31)], owned.RelatedLocations.Select(Line));
        Assert.Equal("CRD kafkas.kafka.strimzi.io is owned by 2 ClusterServiceVersions: 'team-a/strimzi.v0.45.0' and 'operators/strimzi.v0.44.0'", owned.Message);
    }

    [SkippableFact]
    public void KL7004_is_quiet_on_the_upstream_OLM_install()
    {
        // global-operators (all namespaces) and olm-operators (olm) intersect on 'olm' but provide no common API.
        Assert.Empty(Verify(new OlmConflictAnalyzer(), RuleInput.Corpus("operators/olm")));
    }

    [Fact]
    public void KL7004_is_quiet_for_an_upgrade_in_progress()
    {
        var input = RuleInput.Yaml("""
            apiVersion: operators.coreos.com/v1alpha1
            kind: ClusterServiceVersion
            metadata: { name: strimzi.v0.44.0, namespace: operators }
            spec:
              customresourcedefinitions: { owned: [{ name: kafkas.kafka.strimzi.io }] }
            ---
            apiVersion: operators.coreos.com/v1alpha1
            kind: ClusterServiceVersion
            metadata: { name: strimzi.v0.45.0, namespace: operators }
            spec:
              replaces: strimzi.v0.44.0
              customresourcedefinitions: { owned: [{ name: kafkas.kafka.strimzi.io }] }
            """, "fixture.yaml");
        Assert.Empty(Verify(new OlmConflictAnalyzer(), input));
    }

    private const string ManagedFields = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          managedFields:
            - manager: helm #! KL7005
              operation: Update
              apiVersion: apps/v1
              fieldsType: FieldsV1
              fieldsV1:
                f:metadata: { f:labels: { .: {}, f:app: {} } }
                f:spec:
                  f:replicas: {}
            - manager: kube-controller-manager
              operation: Update
              apiVersion: apps/v1
              subresource: status
              fieldsType: FieldsV1
              fieldsV1:
                f:status: { f:replicas: {} }
            - manager: hpa-controller
              operation: Apply
              apiVersion: apps/v1
              fieldsType: FieldsV1
              fieldsV1:
                f:metadata: { f:labels: { .: {}, f:tier: {} } }
                f:spec: { f:replicas: {} }
        """;

    [Fact]
    public void KL7005_fires_for_two_managers_owning_spec_replicas()
    {
        var f = Assert.Single(Verify(new FieldManagerConflictAnalyzer(), RuleInput.Yaml(ManagedFields, "fixture.yaml")));
        Assert.Equal("KL7005", f.Id);
        Assert.Equal(("fixture.yaml", 7), Line(f.Location));
        Assert.Equal([("fixture.yaml", 22)], f.RelatedLocations.Select(Line));
        Assert.Equal("Deployment 'shop/web' has 1 field(s) owned by more than one field manager ('helm' and 'hpa-controller'): spec.replicas", f.Message);
    }

    [SkippableFact]
    public void KL7005_is_quiet_on_the_corpus_pods_whose_managers_own_different_fields()
    {
        // coredns pods there list kube-controller-manager and kube-scheduler, with disjoint fields.
        var landscape = LandscapeOf(RuleInput.Corpus("cluster-dumps/sonobuoy-testdata-healthsummary-kind/resources/ns/kube-system/core_v1_pods.json"));
        Assert.NotEmpty(landscape.Lifecycle.FieldManagers);
        Assert.Empty(Run(new FieldManagerConflictAnalyzer(), landscape));
    }

    private const string OamDefinitions = """
        apiVersion: core.oam.dev/v1beta1
        kind: TraitDefinition
        metadata: { name: scaler, namespace: vela-system }
        spec:
          appliesToWorkloads: [deployments.apps]
          conflictsWith: [hpa]
        ---
        apiVersion: core.oam.dev/v1beta1
        kind: TraitDefinition
        metadata: { name: hpa, namespace: vela-system }
        spec:
          appliesToWorkloads: [webservice]
        ---
        apiVersion: core.oam.dev/v1beta1
        kind: ComponentDefinition
        metadata: { name: webservice, namespace: vela-system }
        spec:
          workload: { definition: { apiVersion: apps/v1, kind: Deployment } }
        ---
        apiVersion: core.oam.dev/v1beta1
        kind: ComponentDefinition
        metadata: { name: cron-task, namespace: vela-system }
        spec:
          workload: { definition: { apiVersion: batch/v1, kind: CronJob } }
        ---

        """;

    private const string OamApplication = """
        apiVersion: core.oam.dev/v1beta1
        kind: Application
        metadata: { name: shop, namespace: default }
        spec:
          components:
            - name: web
              type: webservice
              traits:
                - type: scaler
                - type: hpa
            - name: report
              type: cron-task
              traits:
                - type: scaler
        """;

    [SkippableFact]
    public void KL7006_fires_for_conflicting_traits_and_a_trait_on_a_workload_it_does_not_apply_to()
    {
        // The KubeVela CRDs from the corpus beside hand-written definitions and an Application (the corpus has none).
        var landscape = LandscapeOf(RuleInput.Corpus("operators/kubevela/crds").AndFile("app.yaml", OamDefinitions + OamApplication));
        var findings = Run(new OamTraitMisuseAnalyzer(), landscape);

        Assert.Equal(2, findings.Count);
        var conflict = Assert.Single(findings, f => f.Message.Contains("conflictsWith", StringComparison.Ordinal));
        Assert.Equal(("app.yaml", 34), Line(conflict.Location));
        Assert.Equal([("app.yaml", 35), ("app.yaml", 6)], conflict.RelatedLocations.Select(Line));
        Assert.Equal("Application 'default/shop' component 'web': traits 'scaler' and 'hpa' are combined, but TraitDefinition 'scaler' declares conflictsWith: hpa", conflict.Message);

        var applies = Assert.Single(findings, f => f.Message.Contains("does not apply", StringComparison.Ordinal));
        Assert.Equal(("app.yaml", 39), Line(applies.Location));
        Assert.Equal([("app.yaml", 5)], applies.RelatedLocations.Select(Line));
        Assert.Contains("component 'report': trait 'scaler' does not apply to component type 'cron-task'", applies.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL7006_is_quiet_for_compatible_traits_on_a_matching_workload()
    {
        var input = RuleInput.Yaml(OamDefinitions + """
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: { name: shop, namespace: default }
            spec:
              components:
                - name: web
                  type: webservice
                  traits: [{ type: scaler }]
                - name: report
                  type: cron-task
                  traits: [{ type: hpa-free-annotations }]
            """, "fixture.yaml");
        Assert.Empty(Verify(new OamTraitMisuseAnalyzer(), input));
    }
}
