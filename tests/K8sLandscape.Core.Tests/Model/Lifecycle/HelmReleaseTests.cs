using K8sLandscape.Core.Tests.Model.Api;
using K8sLandscape.Model;
using K8sLandscape.Model.Lifecycle;

namespace K8sLandscape.Core.Tests.Model.Lifecycle;

public class HelmReleaseTests
{
    // Release Secrets as Helm 3 writes them (the payload in data.release is irrelevant here).
    private const string Secrets = """
        apiVersion: v1
        kind: Secret
        type: helm.sh/release.v1
        metadata:
          name: sh.helm.release.v1.shop.v2
          namespace: web
          labels: {owner: helm, name: shop, status: deployed, version: "2"}
        data: {release: H4sI}
        ---
        apiVersion: v1
        kind: Secret
        type: helm.sh/release.v1
        metadata:
          name: sh.helm.release.v1.shop.v1
          namespace: web
          labels: {owner: helm, name: shop, status: superseded, version: "1"}
        data: {release: H4sI}
        ---
        apiVersion: v1
        kind: Secret
        type: helm.sh/release.v1
        metadata:
          name: sh.helm.release.v1.cart.v1
          namespace: web
          labels: {owner: helm, name: cart, status: pending-install, version: "1"}
        data: {release: H4sI}
        """;

    [Fact]
    public void Release_secrets_give_revisions_and_status()
    {
        var lifecycle = CorpusLandscape.FromYaml(Secrets).Lifecycle;

        Assert.Equal(new[] { "web/cart", "web/shop" }, lifecycle.HelmReleases.Select(r => r.ToString()));
        var shop = lifecycle.HelmRelease("web", "shop")!;
        Assert.Equal(new[] { 1, 2 }, shop.Revisions.Select(r => r.Version));
        Assert.Equal(HelmReleaseStatus.Deployed, shop.Status);
        Assert.Equal(HelmReleaseStatus.Superseded, shop.Revisions[0].Status);
        Assert.Equal(HelmEvidence.ReleaseRecord, shop.Evidence);
        Assert.Single(shop.DeployedRevisions);
        Assert.Equal(HelmReleaseStatus.PendingInstall, lifecycle.HelmRelease("web", "cart")!.Status);
        Assert.Empty(shop.Objects); // release records are not objects the release claims
    }

    [Fact]
    public void Objects_join_their_release_by_annotations_or_labels()
    {
        var lifecycle = CorpusLandscape.FromYaml(Secrets + """

            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shop
              namespace: web
              labels: {app.kubernetes.io/managed-by: Helm, helm.sh/chart: shop-1.4.0}
              annotations: {meta.helm.sh/release-name: shop, meta.helm.sh/release-namespace: web}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: shop-reader
              annotations: {meta.helm.sh/release-name: shop, meta.helm.sh/release-namespace: web}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: cart
              namespace: web
              labels: {app.kubernetes.io/managed-by: Helm, app.kubernetes.io/instance: cart, helm.sh/chart: cart-0.1.0}
            """).Lifecycle;

        var shop = lifecycle.HelmRelease("web", "shop")!;
        Assert.Equal(new[] { "Deployment", "ClusterRole" }, shop.Objects.Select(o => o.Kind));
        Assert.Equal(new[] { "shop-1.4.0" }, shop.Charts);
        Assert.Equal(HelmEvidence.ReleaseRecord | HelmEvidence.ReleaseAnnotations, shop.Evidence);
        var cart = lifecycle.HelmRelease("web", "cart")!;
        Assert.Equal("Service", Assert.Single(cart.Objects).Kind);
        Assert.True(cart.Evidence.HasFlag(HelmEvidence.InstanceLabels));
        Assert.Equal(new[] { "Deployment", "Service" }, lifecycle.ManagedBy["Helm"].Select(o => o.Kind));

        var point = Assert.Single(lifecycle.ExtensionPoints, p => p.Name == "helm-releases");
        Assert.Equal(LandscapeAreas.Lifecycle, point.Area);
        Assert.Equal(new[] { "helm:web/cart", "helm:web/shop" }, point.Implementations.Select(i => i.Id));
        Assert.Equal(4, point.Implementations[1].Objects.Count); // two release Secrets, the Deployment, the ClusterRole
    }

    [Fact]
    public void Two_releases_claiming_one_object_are_a_conflict()
    {
        var lifecycle = CorpusLandscape.FromYaml("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shared-settings
              namespace: apps
              annotations: {meta.helm.sh/release-name: frontend, meta.helm.sh/release-namespace: apps}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: shared-settings
              namespace: apps
              annotations: {meta.helm.sh/release-name: backend, meta.helm.sh/release-namespace: apps}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: backend-only
              namespace: apps
              annotations: {meta.helm.sh/release-name: backend, meta.helm.sh/release-namespace: apps}
            """).Lifecycle;

        var conflict = Assert.Single(lifecycle.HelmConflicts);
        Assert.Equal("ConfigMap apps/shared-settings", conflict.Object.ToString());
        Assert.Equal(new[] { "helm:apps/backend", "helm:apps/frontend" }, conflict.Releases.Select(r => r.Id));
        Assert.Equal(2, conflict.Documents.Count);
    }

    [Fact]
    public void Field_managers_are_read_from_managed_fields()
    {
        var lifecycle = CorpusLandscape.FromYaml("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
              namespace: x
              labels: {app.kubernetes.io/managed-by: argocd}
              managedFields:
              - {manager: argocd-controller, operation: Apply, apiVersion: v1}
              - {manager: kubectl-edit, operation: Update, apiVersion: v1}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: b
              namespace: x
              managedFields:
              - {manager: kubectl-edit, operation: Update, apiVersion: v1}
            """).Lifecycle;

        Assert.Equal(new[] { "argocd-controller", "kubectl-edit" }, lifecycle.FieldManagers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "a", "b" }, lifecycle.FieldManagers["kubectl-edit"].Select(o => o.Name));
        Assert.Equal("a", Assert.Single(lifecycle.ManagedBy["argocd"]).Name);
        Assert.Empty(lifecycle.HelmReleases);
    }
}
