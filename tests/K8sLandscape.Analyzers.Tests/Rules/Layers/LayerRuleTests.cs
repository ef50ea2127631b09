using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;
using K8sLandscape.Analyzers.Rules.Layers;

namespace K8sLandscape.Analyzers.Tests.Rules.Layers;

public class LayerRuleTests
{
    private const string TwoDefaultIngressClasses = """
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata:
          name: nginx
          annotations: { ingressclass.kubernetes.io/is-default-class: "true" } #! KL8001
        spec: { controller: k8s.io/ingress-nginx }
        ---
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata:
          name: traefik
          annotations: { ingressclass.kubernetes.io/is-default-class: "true" }
        spec: { controller: traefik.io/ingress-controller }
        ---
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata:
          name: internal
          annotations: { ingressclass.kubernetes.io/is-default-class: "false" }
        spec: { controller: k8s.io/ingress-nginx }
        """;

    [Fact]
    public void KL8001_fires_for_two_IngressClasses_marked_default()
    {
        var f = Assert.Single(Verify(new MultipleDefaultIngressClassesAnalyzer(), RuleInput.Yaml(TwoDefaultIngressClasses, "fixture.yaml")));
        Assert.Equal("KL8001", f.Id);
        Assert.Equal(("fixture.yaml", 5), Line(f.Location));
        Assert.Equal([("fixture.yaml", 8)], f.RelatedLocations.Select(Line));
        Assert.Equal(
            "2 IngressClasses are marked as the default ('nginx' (controller k8s.io/ingress-nginx) and 'traefik' (controller traefik.io/ingress-controller)): Ingresses without ingressClassName are rejected",
            f.Message);
    }

    [SkippableFact]
    public void KL8001_is_quiet_on_the_corpus_ingress_nginx_and_traefik_classes_none_of_them_default()
    {
        var landscape = LandscapeOf(RuleInput.Corpus("operators/ingress-nginx/deploy-kind.yaml", "operators/traefik/fixtures/08-ingressclass.yml"));
        Assert.Equal(4, landscape.Objects.OfKind("networking.k8s.io", "IngressClass").Count);
        Assert.Empty(Run(new MultipleDefaultIngressClassesAnalyzer(), landscape));
    }

    private static string IngressNginx(string ns, string args) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: ingress-nginx-controller
          namespace: {{ns}}
        spec:
          template:
            spec:
              containers:
                - name: controller
                  image: registry.k8s.io/ingress-nginx/controller:v1.15.1
                  args: [{{args}}]
        """;

    [SkippableFact]
    public void KL8002_fires_for_the_corpus_ingress_nginx_and_a_second_install_left_at_the_default_controller_class()
    {
        var f = Assert.Single(Verify(new DuplicateControllerNameAnalyzer(), RuleInput.Corpus("operators/ingress-nginx/deploy-kind.yaml").AndFile("second.yaml", IngressNginx("ingress-internal", "/nginx-ingress-controller")), new ExpectedFinding("KL8002", "deploy-kind.yaml", 427)));
        Assert.Equal("KL8002", f.Id);
        Assert.Equal(("deploy-kind.yaml", 427), Line(f.Location)); // --controller-class=k8s.io/ingress-nginx
        Assert.Equal([("second.yaml", 1), ("deploy-kind.yaml", 634)], f.RelatedLocations.Select(Line));
        Assert.Equal(
            "Controller name 'k8s.io/ingress-nginx' is claimed by 2 controllers: Ingress-NGINX Deployment ingress-nginx/ingress-nginx-controller and Ingress-NGINX Deployment ingress-internal/ingress-nginx-controller; each serves IngressClass 'nginx'",
            f.Message);
    }

    [SkippableFact]
    public void KL8002_is_quiet_when_the_second_install_has_its_own_controller_class()
    {
        var input = RuleInput.Corpus("operators/ingress-nginx/deploy-kind.yaml").AndFile("second.yaml", IngressNginx("ingress-internal", "--controller-class=k8s.io/internal-nginx"));
        Assert.Empty(Verify(new DuplicateControllerNameAnalyzer(), input));
    }

    [SkippableFact]
    public void KL8002_is_quiet_on_one_Kong_install_whose_controller_and_proxy_are_two_roles()
    {
        // ingress-kong (controller image) and proxy-kong (kong image) in namespace kong: one installation.
        Assert.Empty(Verify(new DuplicateControllerNameAnalyzer(), RuleInput.Corpus("installs/kong-ingress")));
    }

    [SkippableFact]
    public void KL8002_fires_once_when_the_same_Kong_install_is_applied_in_a_second_namespace()
    {
        // The upstream file, rewritten at test time into namespace kong-b: two installations, each left at the default name.
        var original = File.ReadAllText(K8sLandscape.TestSupport.Corpus.Require("installs/kong-ingress/all-in-one-dbless.yaml"));
        var second = original.Replace("namespace: kong", "namespace: kong-b", StringComparison.Ordinal);
        var landscape = LandscapeOf(RuleInput.Corpus("installs/kong-ingress").AndFile("kong-b.yaml", second));

        var f = Assert.Single(Run(new DuplicateControllerNameAnalyzer(), landscape));
        Assert.StartsWith("Controller name 'ingress-controllers.konghq.com/kong' is claimed by 2 controllers: Kong Ingress Controller Deployment kong/", f.Message, StringComparison.Ordinal);
        Assert.Contains("Kong Ingress Controller Deployment kong-b/", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL8003_fires_for_two_globalDefault_PriorityClasses()
    {
        var input = RuleInput.Yaml("""
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: { name: team-default }
            value: 1000
            globalDefault: true #! KL8003
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata: { name: platform-default }
            value: 500
            globalDefault: true
            """, "fixture.yaml");

        var f = Assert.Single(Verify(new MultipleGlobalDefaultPriorityClassesAnalyzer(), input));
        Assert.Equal("KL8003", f.Id);
        Assert.Equal(("fixture.yaml", 5), Line(f.Location));
        Assert.Equal([("fixture.yaml", 7)], f.RelatedLocations.Select(Line));
        Assert.Equal("2 PriorityClasses set globalDefault: true ('team-default' (value 1000) and 'platform-default' (value 500)); the API server accepts only one", f.Message);
    }

    [SkippableFact]
    public void KL8003_is_quiet_on_the_corpus_kind_PriorityClasses()
    {
        var landscape = LandscapeOf(RuleInput.Corpus("cluster-dumps/sonobuoy-testdata-kind-2019/resources/cluster/scheduling.k8s.io_v1_priorityclasses.json"));
        Assert.Equal(2, landscape.Objects.OfKind("scheduling.k8s.io", "PriorityClass").Count);
        Assert.Empty(Run(new MultipleGlobalDefaultPriorityClassesAnalyzer(), landscape));
    }

    private const string BatchJobs = """
        apiVersion: batch/v1
        kind: Job
        metadata: { name: train, namespace: ml }
        spec:
          template:
            spec:
              schedulerName: volcano #! KL8004
              containers: [{ name: t, image: python:3.12 }]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: serve, namespace: ml }
        spec:
          template:
            spec:
              schedulerName: volcano
              containers: [{ name: s, image: python:3.12 }]
        ---
        apiVersion: v1
        kind: Pod
        metadata: { name: tuned, namespace: ml }
        spec:
          schedulerName: my-scheduler #! KL8004
          containers: [{ name: t, image: python:3.12 }]
        """;

    [SkippableFact]
    public void KL8004_fires_for_pods_asking_for_volcano_beside_the_corpus_kind_cluster_without_it()
    {
        var findings = Verify(new UnknownSchedulerAnalyzer(), RuleInput.Corpus("cluster-dumps/sonobuoy-testdata-kind-2019").AndFile("jobs.yaml", BatchJobs));

        Assert.Equal(2, findings.Count);
        var volcano = Assert.Single(findings, f => f.Message.Contains("'volcano'", StringComparison.Ordinal));
        Assert.Equal("KL8004", volcano.Id);
        Assert.Equal(("jobs.yaml", 7), Line(volcano.Location));
        Assert.Equal([("jobs.yaml", 10)], volcano.RelatedLocations.Select(Line));
        Assert.Equal("2 workload(s) set schedulerName 'volcano', but no scheduler in the input answers to it: Job ml/train and Deployment ml/serve", volcano.Message);
        var custom = Assert.Single(findings, f => f.Message.Contains("'my-scheduler'", StringComparison.Ordinal));
        Assert.Equal(("jobs.yaml", 23), Line(custom.Location));
    }

    [Fact]
    public void KL8004_is_quiet_when_a_scheduler_and_a_KubeSchedulerConfiguration_profile_provide_the_names()
    {
        // BatchJobs marks where the jobs alone make KL8004 fire; beside the schedulers none may.
        var landscape = LandscapeOf(RuleInput.Yaml(BatchJobs + """

            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: volcano-scheduler, namespace: volcano-system }
            spec:
              template:
                spec:
                  containers: [{ name: s, image: docker.io/volcanosh/vc-scheduler:v1.10.0 }]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: my-scheduler-config, namespace: kube-system }
            data:
              config.yaml: |
                apiVersion: kubescheduler.config.k8s.io/v1
                kind: KubeSchedulerConfiguration
                profiles:
                  - schedulerName: my-scheduler
            """, "fixture.yaml"));

        Assert.Empty(Run(new UnknownSchedulerAnalyzer(), landscape));
    }

    [SkippableFact]
    public void KL8005_reports_the_corpus_ingress_controllers_and_the_Traefik_CRD_count_with_properties()
    {
        var landscape = LandscapeOf(RuleInput.Corpus("operators/ingress-nginx/deploy-kind.yaml", "operators/traefik/fixtures/08-ingressclass.yml", "operators/traefik/kubernetes-crd-definition-v1.yml"));
        var findings = Run(new ExtensionSprawlAnalyzer(), landscape);

        var ingress = Assert.Single(findings, f => f.Properties.GetValueOrDefault("extensionPoint") == "provides:ingress");
        Assert.Equal("KL8005", ingress.Id);
        Assert.Equal(("deploy-kind.yaml", 1), Line(ingress.Location));
        Assert.Equal([("08-ingressclass.yml", 1)], ingress.RelatedLocations.Select(Line));
        Assert.Equal("2", ingress.Properties["implementations"]);
        Assert.Equal("Extension point 'provides:ingress' (lifecycle) has 2 implementations: Ingress-NGINX and Traefik Proxy", ingress.Message);

        var crds = Assert.Single(findings, f => f.Properties.ContainsKey("crds"));
        Assert.Equal("10", crds.Properties["crds"]); // grep -c "kind: CustomResourceDefinition" kubernetes-crd-definition-v1.yml
        Assert.Equal(landscape.Api.BuiltIn.Resources.Select(r => r.GroupKind).Distinct().Count().ToString(System.Globalization.CultureInfo.InvariantCulture), crds.Properties["builtInKinds"]);
        Assert.Equal("false", crds.Properties["outnumbered"]);
        Assert.Equal(("kubernetes-crd-definition-v1.yml", 1), Line(crds.Location));
    }

    [Fact]
    public void KL8005_is_quiet_for_one_implementation_per_extension_point_and_no_CRDs()
    {
        var input = RuleInput.Yaml(IngressNginx("ingress-nginx", "/nginx-ingress-controller"), "fixture.yaml");
        Assert.Empty(Verify(new ExtensionSprawlAnalyzer(), input));
    }

    [Fact]
    public void KL8005_fires_on_the_sample_clusters_two_CNIs()
    {
        var findings = Run(new ExtensionSprawlAnalyzer(), LandscapeOf(RuleInput.Sample()));
        var cni = Assert.Single(findings, f => f.Properties.GetValueOrDefault("extensionPoint") == "pod-network");
        Assert.Equal(("10-calico.conflist", 1), Line(cni.Location));
        Assert.Equal([("10-flannel.conflist", 1)], cni.RelatedLocations.Select(Line));
    }

    [Fact]
    public void KL8005_is_opt_in_so_a_default_run_does_not_report_it()
    {
        var findings = new AnalyzerEngine([new ExtensionSprawlAnalyzer()]).Run(LandscapeOf(RuleInput.Sample())).Findings;
        Assert.Empty(findings);
        Assert.False(ExtensionSprawlAnalyzer.Descriptor.IsEnabledByDefault);
    }
}
