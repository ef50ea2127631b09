using K8sLandscape.Loading;
using K8sLandscape.Model;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Catalog;

public class ComponentRecognizerCorpusTests
{
    private static readonly ComponentCatalog TestCatalog = ComponentCatalog.Parse("""
        components:
          - id: calico
            name: Calico
            category: cni
            fingerprints:
              images: [calico/node]
              crdGroups: [crd.projectcalico.org]
              workloads: [calico-node]
              cniTypes: [calico]
          - id: portmap
            name: portmap
            category: cni
            fingerprints: {cniTypes: [portmap]}
          - id: kata
            name: Kata Containers
            category: container-runtime
            fingerprints: {runtimeHandlers: [kata]}
          - id: containerd
            name: containerd
            category: container-runtime
            fingerprints: {runtimeEngines: [containerd]}
        """, "corpus-test.yaml").Catalog;

    [SkippableFact]
    public void Calico_manifest_is_recognized_by_crds_daemonset_image_and_the_templated_cni_config()
    {
        var path = Corpus.Require("cni/calico/calico.yaml");
        var landscape = Landscape.Build(new ManifestLoader().Load(path), new LandscapeOptions { Catalog = TestCatalog });

        // From the file: 22 CRDs in group crd.projectcalico.org; DaemonSet calico-node (line 7035) runs
        // quay.io/calico/node:v3.31.7 in two containers; ConfigMap calico-config (line 41) holds a
        // conflist with plugins calico and portmap and an unquoted __CNI_MTU__ placeholder.
        var calico = Assert.Single(landscape.Components, c => c.Id == "calico");
        Assert.Equal(22, calico.Evidence.Count(e => e.Fingerprint == "crdGroup"));
        Assert.Contains(calico.Evidence, e => e is { Fingerprint: "workload", Value: "calico-node" } && e.Object.Location.Line == 7035);
        Assert.Single(calico.Evidence, e => e is { Fingerprint: "image", Value: "quay.io/calico/node:v3.31.7" });
        var cni = Assert.Single(calico.Evidence, e => e.Fingerprint == "cniType");
        Assert.Equal(("calico-config", 41), (cni.Object.Name, cni.Object.Location.Line));
        Assert.Equal("calico-config", Assert.Single(Assert.Single(landscape.Components, c => c.Id == "portmap").Evidence).Object.Name);
    }

    [SkippableFact]
    public void Containerd_and_crio_runtime_tables_name_their_handlers()
    {
        var containerd = Corpus.Require("cri/containerd/config-v2-kata-from-kata-docs.extracted.toml");
        var crio = Corpus.Require("cri/cri-o/crio.conf.d/kata-runtime-from-kata-docs.extracted.conf");
        var landscape = Landscape.Build(new ManifestLoader().Load([containerd, crio]), new LandscapeOptions { Catalog = TestCatalog });

        var kata = Assert.Single(landscape.Components, c => c.Id == "kata");
        Assert.Equal([ConfigKinds.ContainerdConfig, ConfigKinds.CrioConfig], kata.Evidence.Select(e => e.Object.Kind).Order(StringComparer.Ordinal));
        Assert.Equal(ConfigKinds.ContainerdConfig, Assert.Single(Assert.Single(landscape.Components, c => c.Id == "containerd").Evidence).Object.Kind);
    }
}
