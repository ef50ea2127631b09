using K8sLandscape.Core.Tests.Model.Runtime;
using K8sLandscape.Model.Storage;

namespace K8sLandscape.Core.Tests.Model.Storage;

public class StorageCorpusTests
{
    [SkippableFact]
    public void Aws_ebs_driver_has_block_capabilities_and_replaces_the_in_tree_provisioner()
    {
        var l = InfrastructureTestLoader.FromCorpus("csi/aws-ebs-csi-driver/deploy-base", "csi/aws-ebs-csi-driver/examples/storageclass.yaml", "csi/aws-ebs-csi-driver/examples/snapshotclass.yaml");

        var ebs = l.Storage.Driver("ebs.csi.aws.com")!;
        Assert.Equal("aws-ebs", ebs.ComponentId);
        Assert.NotNull(ebs.CsiDriver);
        Assert.Equal("cloud-block", ebs.Capabilities.StorageCategory);
        Assert.Equal("kubernetes.io/aws-ebs", ebs.Capabilities.MigratesInTreeProvisioner);
        Assert.DoesNotContain("ReadWriteMany", ebs.Capabilities.AccessModes);
        Assert.True(ebs.Capabilities.Snapshots);
        var sc = Assert.Single(l.Storage.StorageClasses, c => c.Name == "ebs-sc");
        Assert.Equal(("ebs.csi.aws.com", "WaitForFirstConsumer", false), (sc.Provisioner, sc.VolumeBindingMode, sc.IsDefault));
        var driverPoint = l.Point(StorageSurface.CsiDriversPoint);
        var impl = Assert.Single(driverPoint.Implementations);
        Assert.Equal("aws-ebs", impl.Id);
        Assert.Contains(impl.Objects, o => o.Kind == "Deployment" && o.Name == "ebs-csi-controller");
        Assert.Contains(impl.Objects, o => o.Kind == "DaemonSet" && o.Name == "ebs-csi-node");
    }

    [SkippableFact]
    public void Nfs_driver_serves_read_write_many_as_nas()
    {
        var l = InfrastructureTestLoader.FromCorpus("csi/csi-driver-nfs");

        var nfs = l.Storage.Driver("nfs.csi.k8s.io")!;
        Assert.Equal(("csi-driver-nfs", "nas"), (nfs.ComponentId, nfs.Capabilities.StorageCategory));
        Assert.Contains("ReadWriteMany", nfs.Capabilities.AccessModes);
        var sc = Assert.Single(l.Storage.StorageClasses);
        Assert.Equal(("nfs-csi", "Delete", "Immediate", true), (sc.Name, sc.ReclaimPolicy, sc.VolumeBindingMode, sc.AllowVolumeExpansion));
        var snap = Assert.Single(l.Storage.SnapshotClasses);
        Assert.Equal(("csi-nfs-snapclass", "nfs.csi.k8s.io"), (snap.Name, snap.Driver));
    }

    [SkippableFact]
    public void Hostpath_driver_is_local_disk_with_snapshots()
    {
        var l = InfrastructureTestLoader.FromCorpus("csi/csi-driver-host-path/kubernetes-1.34");

        var hp = l.Storage.Driver("hostpath.csi.k8s.io")!;
        Assert.Equal(("csi-driver-host-path", "local-disk", true), (hp.ComponentId, hp.Capabilities.StorageCategory, hp.Capabilities.Snapshots));
        Assert.Equal("csi-hostpath-snapclass", Assert.Single(l.Storage.SnapshotClasses).Name);
        Assert.Contains("csi-driver-host-path", l.Point(StorageSurface.CsiDriversPoint).Ids());
    }

    [SkippableFact]
    public void Rook_ceph_brings_rbd_block_and_cephfs_file_drivers()
    {
        var l = InfrastructureTestLoader.FromCorpus("csi/rook-ceph/csi", "csi/rook-ceph/operator.yaml");

        Assert.Equal("distributed-block", l.Storage.Driver("rook-ceph.rbd.csi.ceph.com")!.Capabilities.StorageCategory);
        Assert.Equal("distributed-file", l.Storage.Driver("rook-ceph.cephfs.csi.ceph.com")!.Capabilities.StorageCategory);
        Assert.Equal("rook-cephfs", l.Storage.Driver("rook-ceph.cephfs.csi.ceph.com")!.ComponentId);
        // The operator includes its drivers: one implementation at the csi-drivers point.
        Assert.Equal(["rook-ceph"], l.Point(StorageSurface.CsiDriversPoint).Ids());
    }

    [SkippableFact]
    public void OpenEbs_legacy_iscsi_provisioner_and_local_path_are_recognized()
    {
        var l = InfrastructureTestLoader.FromCorpus("csi/openebs/openebs-storageclasses.yaml", "csi/local-path-provisioner/local-path-storage.yaml");

        Assert.Equal("openebs-iscsi-provisioner", l.Storage.Driver("openebs.io/provisioner-iscsi")!.ComponentId);
        var lp = l.Storage.Driver("rancher.io/local-path")!;
        Assert.Equal(("local-path-provisioner", "local-disk", false), (lp.ComponentId, lp.Capabilities.StorageCategory, lp.IsInTree));
        Assert.Equal(3, l.Storage.StorageClasses.Count(c => c.Provisioner == "openebs.io/provisioner-iscsi"));
    }

    [SkippableFact]
    public void K3s_local_storage_is_the_default_class()
    {
        var l = InfrastructureTestLoader.FromCorpus("csi/k3s-local-storage/local-storage.yaml");

        var sc = Assert.Single(l.Storage.DefaultStorageClasses);
        Assert.Equal(("local-path", StorageSurface.DefaultClassAnnotation, "WaitForFirstConsumer", 96), (sc.Name, sc.DefaultAnnotation, sc.VolumeBindingMode, sc.Location.Line));
        Assert.Equal(["k3s-local-storage"], l.Point(StorageSurface.CsiDriversPoint).Ids());
    }

    [SkippableFact]
    public void Cluster_addon_classes_are_all_default_in_beta_and_ga_forms()
    {
        var l = InfrastructureTestLoader.FromCorpus("csi/kubernetes-cluster-addons-storage-class");

        Assert.Equal(4, l.Storage.DefaultStorageClasses.Count);
        Assert.Equal(3, l.Storage.DefaultStorageClasses.Count(c => c.DefaultAnnotation == StorageSurface.BetaDefaultClassAnnotation));
        Assert.Equal("standard", Assert.Single(l.Storage.DefaultStorageClasses, c => c.DefaultAnnotation == StorageSurface.DefaultClassAnnotation).Name);
        var point = l.Point(StorageSurface.DefaultStorageClassPoint);
        Assert.True(point.ExpectsSingle);
        // gce-default and azure-default both define the class "default".
        Assert.Equal(["storageclass:default", "storageclass:gp2", "storageclass:standard"], point.Ids());
        var gce = l.Storage.Driver("kubernetes.io/gce-pd")!;
        Assert.Equal((true, "pd.csi.storage.gke.io", "in-tree-gce-pd"), (gce.IsInTree, gce.MigrationTarget, gce.ComponentId));
        Assert.Null(l.Storage.Driver("kubernetes.io/host-path")!.MigrationTarget);
    }
}
