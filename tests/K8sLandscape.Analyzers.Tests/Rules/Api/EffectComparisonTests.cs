using K8sLandscape.Analyzers.Rules.Api;
using K8sLandscape.Loading;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Api;

/// <summary>
/// KL5003 and KL5006 weigh what the API server acts on: cosmetic differences are info, label and
/// annotation differences a warning, real ones an error; a bundle at two releases is one finding.
/// </summary>
public class EffectComparisonTests
{
    private const string Widget = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.acme.example
          annotations: { acme.example/bundle-version: v1.0.0 }
        spec:
          group: acme.example
          names: { kind: Widget, plural: widgets, shortNames: [wd, wdg], categories: [acme] }
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  description: A widget.
                  required: [spec, kind]
                  properties:
                    spec:
                      type: object
                      description: What the widget should be.
                      properties:
                        size: { type: string, enum: [small, large] }
                        description: { type: string }
            - name: v1beta1
              served: true
              storage: false
        """;

    // The same CRD as Widget, written by another tool: other key order, quoting, flow and block style.
    private const string WidgetRestyled = """
        kind: "CustomResourceDefinition"
        apiVersion: 'apiextensions.k8s.io/v1'
        metadata:
          annotations:
            "acme.example/bundle-version": "v1.0.0"
          name: "widgets.acme.example"
        spec:
          scope: "Namespaced"
          names:
            plural: widgets
            kind: Widget
            categories:
            - acme
            shortNames:
            - "wd"
            - 'wdg'
          group: acme.example
          versions:
          - name: v1
            storage: true
            served: true
            schema:
              openAPIV3Schema:
                properties:
                  spec:
                    properties:
                      description:
                        type: string
                      size:
                        enum:
                        - small
                        - large
                        type: string
                    description: "What the widget should be."
                    type: object
                description: "A widget."
                required:
                - spec
                - kind
                type: object
          - served: true
            name: v1beta1
            storage: false
        """;

    [Fact]
    public void KL5003_stays_quiet_on_copies_that_differ_only_in_key_order_quoting_and_style()
    {
        var landscape = LandscapeOf(RuleInput.Yaml(Widget + "\n---\n" + WidgetRestyled, "crds.yaml"));
        Assert.Equal(2, landscape.Api.Crds.Count);

        Assert.Empty(Run(new CrdRedefinitionAnalyzer(), landscape));
    }

    [Fact]
    public void KL5003_reports_other_descriptions_and_the_order_of_set_like_lists_at_info_and_names_them()
    {
        var cosmetic = WidgetRestyled
            .Replace("\"What the widget should be.\"", "Desired state of the widget.", StringComparison.Ordinal)
            .Replace("- \"wd\"\n    - 'wdg'", "- wdg\n    - wd", StringComparison.Ordinal)
            .Replace("- spec\n        - kind", "- kind\n        - spec", StringComparison.Ordinal)
            .Replace("- small\n                - large", "- large\n                - small", StringComparison.Ordinal);
        Assert.Contains("- kind\n        - spec", cosmetic, StringComparison.Ordinal);
        Assert.Contains("- large\n                - small", cosmetic, StringComparison.Ordinal);

        var f = Assert.Single(Run(new CrdRedefinitionAnalyzer(), LandscapeOf(RuleInput.Yaml(Widget + "\n---\n" + cosmetic, "crds.yaml"))));

        Assert.Equal(DiagnosticSeverity.Info, f.Severity);
        Assert.StartsWith("CustomResourceDefinition 'widgets.acme.example' is defined 2 times, differing only cosmetically (descriptions, order of spec.names.shortNames, order of spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.size.enum):", f.Message, StringComparison.Ordinal);
        Assert.EndsWith("the API server acts the same on every copy", f.Message, StringComparison.Ordinal);

        var required = WidgetRestyled.Replace("- spec\n        - kind", "- kind\n        - spec", StringComparison.Ordinal);
        var g = Assert.Single(Run(new CrdRedefinitionAnalyzer(), LandscapeOf(RuleInput.Yaml(Widget + "\n---\n" + required, "crds.yaml"))));
        Assert.Contains("differing only cosmetically (order of spec.versions[0].schema.openAPIV3Schema.required)", g.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL5003_reads_the_order_of_versions_as_cosmetic_but_a_property_named_description_as_schema()
    {
        var reordered = Widget.Replace(
            "    - name: v1\n      served: true\n      storage: true\n",
            "    - name: v1beta1\n      served: true\n      storage: false\n    - name: v1\n      served: true\n      storage: true\n",
            StringComparison.Ordinal);
        reordered = reordered[..reordered.LastIndexOf("    - name: v1beta1", StringComparison.Ordinal)];
        var info = Assert.Single(Run(new CrdRedefinitionAnalyzer(), LandscapeOf(RuleInput.Yaml(Widget + "\n---\n" + reordered, "crds.yaml"))));
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Contains("(order of spec.versions)", info.Message, StringComparison.Ordinal);

        var retyped = Widget.Replace("description: { type: string }", "description: { type: integer }", StringComparison.Ordinal);
        var error = Assert.Single(Run(new CrdRedefinitionAnalyzer(), LandscapeOf(RuleInput.Yaml(Widget + "\n---\n" + retyped, "crds.yaml"))));
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("differing in schemas", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL5003_reports_copies_that_differ_only_in_an_annotation_as_an_ownership_warning()
    {
        var other = Widget.Replace("acme.example/bundle-version: v1.0.0", "acme.example/bundle-version: v1.0.1", StringComparison.Ordinal);

        var f = Assert.Single(Run(new CrdRedefinitionAnalyzer(), LandscapeOf(RuleInput.Yaml(Widget + "\n---\n" + other, "crds.yaml"))));

        Assert.Equal(DiagnosticSeverity.Warning, f.Severity);
        Assert.Contains("differing only in labels or annotations (metadata.annotations[acme.example/bundle-version])", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL5003_reports_a_bundle_applied_at_two_releases_once_naming_both_and_every_CRD()
    {
        static string Crd(string plural, string kind, string release, string sizeType) => $"""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: {plural}.acme.example
              annotations: {"{"} acme.example/bundle-version: {release} {"}"}
            spec:
              group: acme.example
              names: {"{"} kind: {kind}, plural: {plural} {"}"}
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema: {"{"} type: object, properties: {"{"} size: {"{"} type: {sizeType} {"}"} {"}"} {"}"}
            """;
        var old = string.Join("\n---\n", Crd("widgets", "Widget", "v1.0.0", "string"), Crd("gadgets", "Gadget", "v1.0.0", "string"), Crd("gizmos", "Gizmo", "v1.0.0", "string"));
        var @new = string.Join("\n---\n", Crd("widgets", "Widget", "v1.1.0", "integer"), Crd("gadgets", "Gadget", "v1.1.0", "integer"), Crd("gizmos", "Gizmo", "v1.1.0", "string"));
        var landscape = LandscapeOf(RuleInput.Texts(("old/crds.yaml", old), ("new/crds.yaml", @new)));

        var f = Assert.Single(Run(new CrdRedefinitionAnalyzer(), landscape));

        Assert.Equal(DiagnosticSeverity.Error, f.Severity);
        Assert.StartsWith("A bundle of 3 CustomResourceDefinitions is defined 2 times, from acme.example/bundle-version=v1.1.0 (new) and acme.example/bundle-version=v1.0.0 (old):", f.Message, StringComparison.Ordinal);
        Assert.Contains("gadgets.acme.example (differing in schemas), gizmos.acme.example (differing only in labels or annotations (metadata.annotations[acme.example/bundle-version])), widgets.acme.example (differing in schemas)", f.Message, StringComparison.Ordinal);
        Assert.Equal(5, f.RelatedLocations.Count);
    }

    [Fact]
    public void KL5003_tells_two_variant_files_of_one_folder_apart_and_reports_their_CRDs_once()
    {
        static string Crd(string plural, string kind, string scope) => $$"""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: { name: {{plural}}.acme.example }
            spec:
              group: acme.example
              names: { kind: {{kind}}, plural: {{plural}} }
              scope: {{scope}}
              versions: [{ name: v1, served: true, storage: true }]
            """;
        var landscape = LandscapeOf(RuleInput.Texts(
            ("addon/plain.yaml", Crd("widgets", "Widget", "Namespaced") + "\n---\n" + Crd("gadgets", "Gadget", "Namespaced")),
            ("addon/flavour.yaml", Crd("widgets", "Widget", "Cluster") + "\n---\n" + Crd("gadgets", "Gadget", "Cluster"))));

        var f = Assert.Single(Run(new CrdRedefinitionAnalyzer(), landscape));

        Assert.StartsWith("A bundle of 2 CustomResourceDefinitions is defined 2 times, from addon/flavour.yaml (no bundle version) and addon/plain.yaml (no bundle version): gadgets.acme.example (differing in scope), widgets.acme.example (differing in scope)", f.Message, StringComparison.Ordinal);
        Assert.Equal(3, f.RelatedLocations.Count);
    }

    [Fact]
    public void KL5006_weighs_RBAC_rule_order_as_info_labels_as_a_warning_and_an_IngressClass_controller_as_an_error()
    {
        var findings = Verify(new DuplicateObjectAnalyzer(), RuleInput.Yaml("""
            apiVersion: rbac.authorization.k8s.io/v1 #! KL5006
            kind: ClusterRole
            metadata: { name: reader }
            rules:
              - { apiGroups: [""], resources: [pods, services], verbs: [get, list, watch] }
              - { apiGroups: [apps], resources: [deployments], verbs: [get] }
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: { name: reader }
            rules:
              - { apiGroups: [apps], resources: [deployments], verbs: [get] }
              - { apiGroups: [""], resources: [services, pods], verbs: [watch, list, get] }
            ---
            apiVersion: v1 #! KL5006
            kind: ConfigMap
            metadata: { name: settings, namespace: shop, labels: { app.kubernetes.io/managed-by: Helm } }
            data: { a: "1" }
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: settings, namespace: shop, labels: { app.kubernetes.io/managed-by: kustomize } }
            data: { a: "1" }
            ---
            apiVersion: networking.k8s.io/v1 #! KL5006
            kind: IngressClass
            metadata: { name: nginx }
            spec: { controller: k8s.io/ingress-nginx }
            ---
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: { name: nginx }
            spec: { controller: nginx.org/ingress-controller }
            """, "t.yaml"));

        Assert.Equal(3, findings.Count);
        var rbac = Assert.Single(findings, f => f.Subject?.Kind == "ClusterRole");
        Assert.Equal(DiagnosticSeverity.Info, rbac.Severity);
        Assert.Contains("differing only cosmetically (order of rules)", rbac.Message, StringComparison.Ordinal);
        var cm = Assert.Single(findings, f => f.Subject?.Kind == "ConfigMap");
        Assert.Equal(DiagnosticSeverity.Warning, cm.Severity);
        Assert.Contains("differing only in labels or annotations (metadata.labels[app.kubernetes.io/managed-by])", cm.Message, StringComparison.Ordinal);
        var ic = Assert.Single(findings, f => f.Subject?.Kind == "IngressClass");
        Assert.Equal(DiagnosticSeverity.Error, ic.Severity);
        Assert.EndsWith("spec.controller cannot be changed once set, so applying the second copy fails", ic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KL5006_keeps_a_real_RBAC_difference_an_error()
    {
        var f = Assert.Single(Verify(new DuplicateObjectAnalyzer(), RuleInput.Yaml("""
            apiVersion: rbac.authorization.k8s.io/v1 #! KL5006
            kind: ClusterRole
            metadata: { name: reader }
            rules: [{ apiGroups: [""], resources: [pods], verbs: [get, list] }]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: { name: reader }
            rules: [{ apiGroups: [""], resources: [pods], verbs: [get, list, delete] }]
            """, "t.yaml")));

        Assert.Equal(DiagnosticSeverity.Error, f.Severity);
        Assert.Contains("first differences: rules", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL5003_reports_mpijobs_of_the_training_and_MPI_operators_once_as_an_error()
    {
        var findings = Run(new CrdRedefinitionAnalyzer(), LandscapeOf(RuleInput.Corpus("installs/training-operator", "installs/mpi-operator")));

        var f = Assert.Single(findings);
        Assert.Equal(DiagnosticSeverity.Error, f.Severity);
        Assert.StartsWith("CustomResourceDefinition 'mpijobs.kubeflow.org' is defined 2 times, differing in versions", f.Message, StringComparison.Ordinal);
        Assert.Contains("(versions v2beta1 (storage); Namespaced)", f.Message, StringComparison.Ordinal);
        Assert.Contains("(versions v1 (storage); Namespaced)", f.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void KL5003_reports_Kyvernos_CRD_bundle_at_two_releases_once_with_all_eight_CRDs()
    {
        var findings = Run(new CrdRedefinitionAnalyzer(), LandscapeOf(RuleInput.Corpus("installs/kyverno", "webhooks/kyverno/crds")));

        var f = Assert.Single(findings);
        Assert.Equal(DiagnosticSeverity.Error, f.Severity);
        Assert.StartsWith("A bundle of 8 CustomResourceDefinitions is defined 2 times, from app.kubernetes.io/version=3.1.5 (", f.Message, StringComparison.Ordinal);
        Assert.Contains("kyverno/crds (no bundle version)", f.Message, StringComparison.Ordinal);
        Assert.Contains("policyreports.wgpolicyk8s.io (", f.Message, StringComparison.Ordinal);
        Assert.Equal(15, f.RelatedLocations.Count);
    }

    [SkippableFact]
    public void KL5006_reports_IngressClass_nginx_of_F5_and_ingress_nginx_once_as_an_error_on_spec_controller()
    {
        const string cloud = "operators/ingress-nginx/deploy-cloud.yaml";
        var findings = Run(new DuplicateObjectAnalyzer(), LandscapeOf(RuleInput.Corpus("installs/nginx-inc-ingress", cloud)));

        var f = Assert.Single(findings);
        Assert.Equal(new ObjectRef("networking.k8s.io", "IngressClass", null, "nginx"), f.Subject);
        Assert.Equal(DiagnosticSeverity.Error, f.Severity);
        Assert.Contains("first differences: spec.controller", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("metadata.labels", f.Message, StringComparison.Ordinal);
        Assert.Equal([At(RuleInput.CorpusPath(cloud), 625)], f.RelatedLocations);
    }

    [SkippableFact]
    public void KL5003_and_KL5006_report_each_object_of_Calicos_three_variants_once_and_only_where_it_really_differs()
    {
        var landscape = LandscapeOf(RuleInput.Corpus("cni/calico"));

        Assert.Empty(Run(new CrdRedefinitionAnalyzer(), landscape));
        var findings = Run(new DuplicateObjectAnalyzer(), landscape);
        Assert.Equal(findings.Count, findings.Select(f => f.Subject).Distinct().Count());
        var node = Assert.Single(findings, f => f.Subject == new ObjectRef("rbac.authorization.k8s.io", "ClusterRole", null, "calico-node"));
        Assert.Equal(DiagnosticSeverity.Error, node.Severity);
        Assert.DoesNotContain(findings, f => f.Subject?.Kind == "CustomResourceDefinition");
    }
}
