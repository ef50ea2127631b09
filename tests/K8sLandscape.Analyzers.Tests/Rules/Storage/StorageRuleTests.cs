using K8sLandscape.Analyzers.Rules.Storage;
using K8sLandscape.Analyzers.Tests.Verification;
using static K8sLandscape.Analyzers.Tests.Verification.RuleVerifier;

namespace K8sLandscape.Analyzers.Tests.Rules.Storage;

public class MultipleDefaultStorageClassesTests
{
    [SkippableFact]
    public void KL3001_fires_on_the_cluster_addons_defaults_in_old_and_new_annotation_forms()
    {
        var f = Assert.Single(Verify(new MultipleDefaultStorageClassesAnalyzer(), RuleInput.Corpus("csi/kubernetes-cluster-addons-storage-class"), new ExpectedFinding("KL3001", "aws-default.yaml", 6)));

        Assert.Equal("KL3001", f.Id);
        // grep -n is-default-class: aws-default.yaml:6 (beta), azure-default.yaml:6 (beta), local-default.yaml:7 (GA); gce-default.yaml:6 is
        // also beta but names the class 'standard' like local-default.yaml, so the two documents are one object.
        Assert.Equal(("aws-default.yaml", 6), Line(f.Location));
        Assert.Equal([("azure-default.yaml", 6), ("local-default.yaml", 7)], Lines(f.RelatedLocations));
        Assert.Equal("3 StorageClasses are annotated default: 'gp2' (beta annotation, provisioner 'kubernetes.io/aws-ebs'), 'default' (beta annotation, provisioner 'kubernetes.io/azure-disk') and 'standard' (GA annotation, provisioner 'kubernetes.io/host-path')", f.Message);
    }

    [SkippableFact]
    public void KL3001_is_quiet_with_one_default()
    {
        Assert.Empty(Verify(new MultipleDefaultStorageClassesAnalyzer(), RuleInput.Corpus("csi/k3s-local-storage/local-storage.yaml", "csi/csi-driver-nfs", "csi/aws-ebs-csi-driver")));
    }

    [Fact]
    public void KL3001_fires_on_the_sample_clusters_gp3_and_standard()
    {
        var f = Assert.Single(Verify(new MultipleDefaultStorageClassesAnalyzer(), RuleInput.Sample(), new ExpectedFinding("KL3001", "storage.yaml", 7)));
        // samples/README.md conflict 2; grep -n is-default-class storage.yaml: 7 (gp3, GA), 19 (standard, beta)
        Assert.Equal(("storage.yaml", 7), Line(f.Location));
        Assert.Equal([("storage.yaml", 19)], Lines(f.RelatedLocations));
        Assert.Contains("'gp3' (GA annotation, provisioner 'ebs.csi.aws.com') and 'standard' (beta annotation, provisioner 'rancher.io/local-path')", f.Message, StringComparison.Ordinal);
    }
}

public class MissingStorageDriverTests
{
    [SkippableFact]
    public void KL3002_fires_for_the_hostpath_class_beside_an_NFS_only_install()
    {
        var f = Assert.Single(Verify(new MissingStorageDriverAnalyzer(), RuleInput.Corpus("csi/csi-driver-nfs", "csi/csi-driver-host-path/examples/csi-storageclass.yaml"), new ExpectedFinding("KL3002", "csi-storageclass.yaml", 5)));
        Assert.Equal("KL3002", f.Id);
        // grep -n provisioner csi-storageclass.yaml: 5
        Assert.Equal(("csi-storageclass.yaml", 5), Line(f.Location));
        Assert.Equal("StorageClass 'csi-hostpath-sc' uses provisioner 'hostpath.csi.k8s.io', but the input installs no such driver (no CSIDriver, controller or node plugin; CSI drivers installed: 'nfs.csi.k8s.io')", f.Message);
    }

    [SkippableFact]
    public void KL3002_is_quiet_for_installed_drivers_for_external_provisioners_and_without_CSIDriver_objects()
    {
        Assert.Empty(Verify(new MissingStorageDriverAnalyzer(), RuleInput.Corpus("csi/csi-driver-nfs", "csi/csi-driver-host-path/kubernetes-1.34", "csi/csi-driver-host-path/examples/csi-storageclass.yaml")));
        Assert.Empty(Verify(new MissingStorageDriverAnalyzer(), RuleInput.Corpus("csi/rook-ceph/csi/rbd/storageclass.yaml", "csi/rook-ceph/operator.yaml", "csi/aws-ebs-csi-driver/deploy-base")));
        Assert.Empty(Verify(new MissingStorageDriverAnalyzer(), RuleInput.Corpus("csi/csi-driver-host-path/examples/csi-storageclass.yaml")));
        // rancher.io/local-path is an external provisioner, not a CSI driver.
        Assert.Empty(Verify(new MissingStorageDriverAnalyzer(), RuleInput.Sample()));
    }
}

public class UnsupportedAccessModeTests
{
    private const string Claims = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: { name: shared-uploads, namespace: shop }
        spec:
          storageClassName: ebs-sc
          accessModes:
            - ReadWriteMany
          resources: { requests: { storage: 10Gi } }
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: { name: db, namespace: shop }
        spec:
          storageClassName: ebs-sc
          accessModes: [ReadWriteOncePod]
          resources: { requests: { storage: 10Gi } }
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: { name: shared-media, namespace: shop }
        spec:
          storageClassName: nfs-csi
          accessModes: [ReadWriteMany]
          resources: { requests: { storage: 10Gi } }
        """;

    [SkippableFact]
    public void KL3003_fires_for_ReadWriteMany_on_the_EBS_class_and_not_for_NFS_or_ReadWriteOncePod()
    {
        var f = Assert.Single(Verify(new UnsupportedAccessModeAnalyzer(), RuleInput.Corpus("csi/aws-ebs-csi-driver/examples/storageclass.yaml", "csi/csi-driver-nfs/storageclass.yaml").AndFile("claims.yaml", Claims), new ExpectedFinding("KL3003", "claims.yaml", 6)));
        Assert.Equal("KL3003", f.Id);
        Assert.Equal(("claims.yaml", 6), Line(f.Location));
        // the EBS example StorageClass starts at line 15 (grep -n '^apiVersion' storageclass.yaml)
        Assert.Equal([("storageclass.yaml", 15)], Lines(f.RelatedLocations));
        Assert.Equal("PersistentVolumeClaim 'shop/shared-uploads' asks for ReadWriteMany, but StorageClass 'ebs-sc' provisions with 'ebs.csi.aws.com', which supports only ReadWriteOnce and ReadWriteOncePod", f.Message);
    }

    [SkippableFact]
    public void KL3003_is_quiet_when_the_class_is_unknown_or_the_driver_undescribed()
    {
        Assert.Empty(Verify(new UnsupportedAccessModeAnalyzer(), RuleInput.Yaml(Claims, "claims.yaml")));
        Assert.Empty(Verify(new UnsupportedAccessModeAnalyzer(), RuleInput.Corpus("csi")));
    }
}

public class InTreeAndCsiMigrationTargetTests
{
    [SkippableFact]
    public void KL3004_fires_on_the_in_tree_aws_ebs_class_beside_the_EBS_CSI_classes()
    {
        var f = Assert.Single(Verify(new InTreeAndCsiMigrationTargetAnalyzer(), RuleInput.Corpus("csi/kubernetes-cluster-addons-storage-class/aws-default.yaml", "csi/aws-ebs-csi-driver"), new ExpectedFinding("KL3004", "snapshot-storageclass.yaml", 19)));
        Assert.Equal("KL3004", f.Id);
        // grep -n provisioner: aws-ebs-csi-driver/examples/snapshot-storageclass.yaml:19, storageclass.yaml:19, aws-default.yaml:10
        Assert.Equal(("snapshot-storageclass.yaml", 19), Line(f.Location));
        Assert.Equal([("storageclass.yaml", 19), ("aws-default.yaml", 10)], Lines(f.RelatedLocations));
        Assert.Equal("StorageClasses use both the in-tree provisioner 'kubernetes.io/aws-ebs' ('gp2') and its CSI migration target 'ebs.csi.aws.com' ('ebs-sc')", f.Message);
    }

    [SkippableFact]
    public void KL3004_is_quiet_for_in_tree_classes_alone()
    {
        Assert.Empty(Verify(new InTreeAndCsiMigrationTargetAnalyzer(), RuleInput.Corpus("csi/kubernetes-cluster-addons-storage-class")));
    }
}

public class MultipleDefaultSnapshotClassesTests
{
    private const string SnapshotClasses = """
        apiVersion: snapshot.storage.k8s.io/v1
        kind: VolumeSnapshotClass
        metadata:
          name: ebs-daily
          annotations:
            snapshot.storage.kubernetes.io/is-default-class: "true" #! KL3005
        driver: ebs.csi.aws.com
        deletionPolicy: Retain
        ---
        apiVersion: snapshot.storage.k8s.io/v1
        kind: VolumeSnapshotClass
        metadata:
          name: velero-ebs
          annotations:
            snapshot.storage.kubernetes.io/is-default-class: "true"
        driver: ebs.csi.aws.com
        deletionPolicy: Delete
        ---
        apiVersion: snapshot.storage.k8s.io/v1
        kind: VolumeSnapshotClass
        metadata:
          name: nfs-default
          annotations:
            snapshot.storage.kubernetes.io/is-default-class: "true"
        driver: nfs.csi.k8s.io
        deletionPolicy: Delete
        """;

    [Fact]
    public void KL3005_fires_for_two_defaults_of_one_driver_and_not_across_drivers()
    {
        var f = Assert.Single(Verify(new MultipleDefaultSnapshotClassesAnalyzer(), RuleInput.Yaml(SnapshotClasses, "snapshotclasses.yaml")));

        Assert.Equal("KL3005", f.Id);
        Assert.Equal(("snapshotclasses.yaml", 6), Line(f.Location));
        Assert.Equal([("snapshotclasses.yaml", 15)], Lines(f.RelatedLocations));
        Assert.Equal("2 VolumeSnapshotClasses are annotated default for driver 'ebs.csi.aws.com': 'ebs-daily' and 'velero-ebs'", f.Message);
    }

    [SkippableFact]
    public void KL3005_is_quiet_on_the_corpus_snapshot_classes()
    {
        Assert.Empty(Verify(new MultipleDefaultSnapshotClassesAnalyzer(), RuleInput.Corpus("csi")));
    }
}

public class UnsupportedVolumeExpansionTests
{
    private const string LocalPathExpandable = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: { name: local-path-big }
        provisioner: rancher.io/local-path
        allowVolumeExpansion: true
        """;

    [SkippableFact]
    public void KL3006_fires_for_an_expandable_local_path_class_beside_the_local_path_install()
    {
        var f = Assert.Single(Verify(new UnsupportedVolumeExpansionAnalyzer(), RuleInput.Corpus("csi/local-path-provisioner/local-path-storage.yaml").AndFile("expandable.yaml", LocalPathExpandable), new ExpectedFinding("KL3006", "expandable.yaml", 5)));
        Assert.Equal("KL3006", f.Id);
        Assert.Equal(("expandable.yaml", 5), Line(f.Location));
        Assert.Equal("StorageClass 'local-path-big' sets allowVolumeExpansion: true, but its provisioner 'rancher.io/local-path' (Rancher local-path-provisioner) cannot expand volumes", f.Message);
    }

    [SkippableFact]
    public void KL3006_is_quiet_for_drivers_that_expand_or_are_undescribed()
    {
        // NFS, hostpath and Rook classes allow expansion; hostpath and Rook expand, NFS's support is not described.
        Assert.Empty(Verify(new UnsupportedVolumeExpansionAnalyzer(), RuleInput.Corpus("csi")));
    }
}
