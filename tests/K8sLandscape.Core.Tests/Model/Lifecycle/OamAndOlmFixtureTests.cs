using K8sLandscape.Core.Tests.Model.Api;
using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Core.Tests.Model.Lifecycle;

public class OamAndOlmFixtureTests
{
    [Fact]
    public void KubeVela_application_traits_and_trait_conflicts_are_read()
    {
        var oam = CorpusLandscape.FromYaml("""
            apiVersion: core.oam.dev/v1beta1
            kind: ComponentDefinition
            metadata: {name: webservice, namespace: vela-system}
            spec:
              workload:
                definition: {apiVersion: apps/v1, kind: Deployment}
            ---
            apiVersion: core.oam.dev/v1beta1
            kind: ComponentDefinition
            metadata: {name: task, namespace: vela-system}
            spec:
              workload:
                definition: {apiVersion: batch/v1, kind: Job}
            ---
            apiVersion: core.oam.dev/v1beta1
            kind: TraitDefinition
            metadata: {name: scaler, namespace: vela-system}
            spec:
              appliesToWorkloads: [deployments.apps]
              conflictsWith: [hpa]
              podDisruptive: false
            ---
            apiVersion: core.oam.dev/v1beta1
            kind: TraitDefinition
            metadata: {name: hpa, namespace: vela-system}
            spec:
              appliesToWorkloads: ["*"]
            ---
            apiVersion: core.oam.dev/v1beta1
            kind: WorkflowStepDefinition
            metadata: {name: apply-component, namespace: vela-system}
            ---
            apiVersion: core.oam.dev/v1beta1
            kind: Application
            metadata: {name: shop, namespace: default}
            spec:
              components:
              - name: frontend
                type: webservice
                traits:
                - type: scaler
                  properties: {replicas: 3}
                - type: hpa
                  properties: {max: 10}
              - name: migrate
                type: task
              policies:
              - {name: topology, type: topology}
              workflow:
                steps:
                - {name: deploy, type: apply-component}
            status:
              status: runningWorkflow
            """).Lifecycle.Oam;

        var app = Assert.Single(oam.Applications);
        Assert.Equal(new[] { "frontend", "migrate" }, app.Components.Select(c => c.Name));
        Assert.Equal(new[] { "scaler", "hpa" }, app.Components[0].Traits.Select(t => t.Type));
        Assert.Equal("spec.components[0].traits[1]", app.Components[0].Traits[1].Path);
        Assert.Equal(new[] { "topology" }, app.PolicyTypes);
        Assert.Equal(new[] { "apply-component" }, app.WorkflowStepTypes);
        Assert.Equal(KubeVelaApplicationPhase.RunningWorkflow, app.Phase);
        Assert.Single(oam.WorkflowStepDefinitions);

        // scaler declares conflictsWith: [hpa]; hpa declares nothing, so there is one conflict, not two.
        var conflict = Assert.Single(oam.TraitConflicts());
        Assert.Equal(("frontend", "scaler", "hpa"), (conflict.Component.Name, conflict.Trait.Type, conflict.ConflictingTrait.Type));
        Assert.Equal(new[] { "hpa" }, conflict.Definition.ConflictsWith);

        var scaler = oam.TraitDefinition("scaler")!;
        Assert.True(scaler.AppliesTo("webservice", oam.ComponentDefinition("webservice")));
        Assert.False(scaler.AppliesTo("task", oam.ComponentDefinition("task")));
        Assert.True(oam.TraitDefinition("hpa")!.AppliesTo("task"));
    }

    [Fact]
    public void OLM_subscription_CSV_owned_CRDs_and_install_plan_are_linked_to_the_operator()
    {
        var landscape = CorpusLandscape.FromYaml("""
            apiVersion: operators.coreos.com/v1alpha1
            kind: Subscription
            metadata: {name: strimzi, namespace: operators}
            spec: {name: strimzi-kafka-operator, channel: stable, source: operatorhubio-catalog, sourceNamespace: olm, installPlanApproval: Manual}
            status: {currentCSV: strimzi-cluster-operator.v0.45.0, installedCSV: strimzi-cluster-operator.v0.45.0, state: AtLatestKnown}
            ---
            apiVersion: operators.coreos.com/v1alpha1
            kind: ClusterServiceVersion
            metadata:
              name: strimzi-cluster-operator.v0.45.0
              namespace: operators
              annotations: {capabilities: Deep Insights}
            spec:
              displayName: Strimzi
              version: 0.45.0
              replaces: strimzi-cluster-operator.v0.44.0
              customresourcedefinitions:
                owned:
                - {name: kafkas.kafka.strimzi.io, version: v1beta2, kind: Kafka}
                - {name: kafkatopics.kafka.strimzi.io, version: v1beta2, kind: KafkaTopic}
                required:
                - {name: certificates.cert-manager.io, version: v1, kind: Certificate}
            status: {phase: Succeeded}
            ---
            apiVersion: operators.coreos.com/v1alpha1
            kind: InstallPlan
            metadata: {name: install-abcde, namespace: operators}
            spec: {clusterServiceVersionNames: [strimzi-cluster-operator.v0.45.0], approval: Manual, approved: false}
            status: {phase: RequiresApproval}
            """);
        var olm = landscape.Lifecycle.Olm;

        var sub = Assert.Single(olm.Subscriptions);
        Assert.Equal(("strimzi-kafka-operator", "stable", "Manual", "AtLatestKnown"), (sub.Package, sub.Channel, sub.InstallPlanApproval, sub.State));
        var csv = Assert.Single(olm.ClusterServiceVersions);
        Assert.Equal((CsvPhase.Succeeded, OperatorCapabilityLevel.DeepInsights), (csv.Phase, csv.CapabilityLevel));
        Assert.Equal(new[] { "kafka.strimzi.io", "kafka.strimzi.io" }, csv.OwnedCrds.Select(c => c.Group));
        Assert.Equal("spec.customresourcedefinitions.owned[1]", csv.OwnedCrds[1].Path);
        Assert.Equal("cert-manager.io", Assert.Single(csv.RequiredCrds).Group);
        Assert.Same(csv, Assert.Single(olm.OwnersOfCrd("kafkas.kafka.strimzi.io")));
        var plan = Assert.Single(olm.InstallPlans);
        Assert.Equal((false, "RequiresApproval"), (plan.Approved, plan.Phase));

        // The Subscription's package is Strimzi's OLM fingerprint, so the operator is recognized without its Deployment.
        var op = Assert.Single(landscape.Lifecycle.Operators, o => o.ComponentId == "strimzi");
        Assert.Same(csv, Assert.Single(op.ClusterServiceVersions));
        Assert.Equal(OperatorCapabilityLevel.DeepInsights, op.CapabilityLevel);
    }
}
