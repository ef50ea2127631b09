using K8sLandscape.Core.Tests.Model.Runtime;
using K8sLandscape.Model.Storage;

namespace K8sLandscape.Core.Tests.Model.Storage;

public class StorageFixtureTests
{
    [Fact]
    public void Default_snapshot_classes_are_an_extension_point_per_driver()
    {
        static string Vsc(string name, string driver, bool isDefault) =>
            $$$"""{"apiVersion":"snapshot.storage.k8s.io/v1","kind":"VolumeSnapshotClass","metadata":{"name":"{{{name}}}","annotations":{"snapshot.storage.kubernetes.io/is-default-class":"{{{(isDefault ? "true" : "false")}}}"}},"driver":"{{{driver}}}","deletionPolicy":"Delete"}""";
        var l = InfrastructureTestLoader.FromJson(Vsc("a", "ebs.csi.aws.com", true), Vsc("b", "ebs.csi.aws.com", true), Vsc("c", "hostpath.csi.k8s.io", false));

        var point = l.Point(StorageSurface.DefaultSnapshotClassPointPrefix + "ebs.csi.aws.com");
        Assert.True(point.ExpectsSingle);
        Assert.Equal(["volumesnapshotclass:a", "volumesnapshotclass:b"], point.Ids());
        Assert.DoesNotContain(l.ExtensionPoints, p => p.Name == StorageSurface.DefaultSnapshotClassPointPrefix + "hostpath.csi.k8s.io");
    }

    [Fact]
    public void Claims_keep_class_and_access_modes()
    {
        var l = InfrastructureTestLoader.FromJson(
            """{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data","namespace":"db"},"spec":{"storageClassName":"nfs-csi","accessModes":["ReadWriteMany"]}}""");

        var claim = Assert.Single(l.Storage.Claims);
        Assert.Equal(("data", "db", "nfs-csi"), (claim.Name, claim.Namespace, claim.StorageClassName));
        Assert.Equal(["ReadWriteMany"], claim.AccessModes);
    }

    [Fact]
    public void Volume_lifecycle_allows_only_its_steps()
    {
        Assert.True(CsiInterface.CanTransition(VolumeState.ClaimPending, VolumeState.Provisioned));
        Assert.True(CsiInterface.CanTransition(VolumeState.Staged, VolumeState.Mounted));
        Assert.False(CsiInterface.CanTransition(VolumeState.ClaimPending, VolumeState.Mounted));
        Assert.Equal("kubelet", Assert.Single(CsiInterface.Lifecycle, t => t.To == VolumeState.Mounted).PerformedBy);
        Assert.Contains("NodePublishVolume", CsiInterface.Node.Rpcs);
        Assert.Contains("CreateVolume", CsiInterface.Controller.Rpcs);
        Assert.Equal(["Identity", "Controller", "Node"], CsiInterface.Services.Select(s => s.Name));
    }
}
