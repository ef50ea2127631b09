using K8sLandscape.Catalog;
using K8sLandscape.Model;

namespace K8sLandscape.Core.Tests.Catalog;

public class CatalogParseTests
{
    [Fact]
    public void A_full_entry_maps_every_field()
    {
        const string yaml = """
            components:
              - id: calico
                name: Calico
                category: cni
                provides: [pod-network, network-policy]
                description: Networking and policy.
                homepage: https://www.tigera.io/project-calico/
                includes: [felix]
                fingerprints:
                  images: [calico/node]
                  crdGroups: [crd.projectcalico.org]
                  cniTypes: [calico]
                  labels: [k8s-app=calico-node]
                capabilities:
                  cniRole: primary
                  networkPolicy: true
                  dataPlane: routed
                  encapsulation: [ipip, vxlan, bgp]
                  ebpf: false
                  operatorCapabilityLevel: 3
                  extra: {felix: yes}
            """;
        var result = ComponentCatalog.Parse(yaml, "my.yaml");

        Assert.Empty(result.Diagnostics);
        var c = Assert.Single(result.Catalog.Components);
        Assert.Equal(("calico", "Calico", "cni"), (c.Id, c.Name, c.Category));
        Assert.Equal(["pod-network", "network-policy"], c.Provides);
        Assert.Equal("https://www.tigera.io/project-calico/", c.Homepage);
        Assert.Equal(["felix"], c.Includes);
        Assert.Equal(["calico/node"], c.Fingerprints.Images);
        Assert.Equal(["crd.projectcalico.org"], c.Fingerprints.CrdGroups);
        Assert.Equal(["k8s-app=calico-node"], c.Fingerprints.Labels);
        Assert.Equal("primary", c.Capabilities.CniRole);
        Assert.True(c.Capabilities.NetworkPolicy);
        Assert.False(c.Capabilities.Ebpf);
        Assert.Null(c.Capabilities.Snapshots);
        Assert.Equal(["ipip", "vxlan", "bgp"], c.Capabilities.Encapsulation);
        Assert.Equal(3, c.Capabilities.OperatorCapabilityLevel);
        Assert.Equal("yes", c.Capabilities.Extra["felix"]);
        Assert.Equal("my.yaml", c.Origin);
    }

    [Fact]
    public void Bad_entries_are_reported_with_file_line_entry_and_field_and_good_ones_still_load()
    {
        const string yaml = """
            components:
              - id: good
                name: Good
                category: scheduler
                fingerprints:
                  schedulers: [good]
              - id: bad-role
                name: Bad role
                category: cni
                fingerprints:
                  cniTypes: [x]
                capabilities:
                  cniRole: main
              - name: No id
                category: cni
                fingerprints:
                  cniTypes: [y]
              - id: bad-label
                name: Bad label
                category: cni
                fingerprints:
                  labels: [just-a-key]
            """;
        var result = ComponentCatalog.Parse(yaml, "user.yaml");

        Assert.Equal(["good"], result.Catalog.Components.Select(c => c.Id));
        Assert.Collection(result.Diagnostics,
            d => Assert.Equal(new CatalogDiagnostic("user.yaml", 13, 7, "bad-role", "capabilities.cniRole", "'main' must be one of: primary, chained, meta"), d),
            d => Assert.Equal(("user.yaml", 14, 5, "components[2]", "id"), (d.Path, d.Line, d.Column, d.EntryId, d.Field)),
            d => Assert.Equal(("user.yaml", 22, 16, "bad-label", "fingerprints.labels[0]"), (d.Path, d.Line, d.Column, d.EntryId, d.Field)));
    }

    [Fact]
    public void Diagnostic_text_names_file_line_entry_and_field()
    {
        var d = new CatalogDiagnostic("c.yaml", 4, 7, "x", "capabilities.isolation", "bad");
        Assert.Equal("c.yaml:4:7: entry 'x' field 'capabilities.isolation': bad", d.ToString());
        Assert.Equal("c.yaml: broken", new CatalogDiagnostic("c.yaml", 0, 0, null, null, "broken").ToString());
    }

    [Theory]
    [InlineData("capabilities:\n      dataPlane: tunnel", "capabilities.dataPlane")]
    [InlineData("capabilities:\n      accessModes: [ReadWriteAll]", "capabilities.accessModes[0]")]
    [InlineData("capabilities:\n      storageCategory: san", "capabilities.storageCategory")]
    [InlineData("capabilities:\n      isolation: vm", "capabilities.isolation")]
    [InlineData("capabilities:\n      criVersions: [v2]", "capabilities.criVersions[0]")]
    [InlineData("capabilities:\n      operatorCapabilityLevel: 6", "capabilities.operatorCapabilityLevel")]
    [InlineData("capabilities:\n      operatorCapabilityLevel: high", "capabilities.operatorCapabilityLevel")]
    [InlineData("capabilities:\n      ebpf: maybe", "capabilities.ebpf")]
    [InlineData("capabilities:\n      colour: blue", "capabilities.colour")]
    [InlineData("provides: [Pod-Network]", "provides[0]")]
    [InlineData("provides: pod-network", "provides")]
    [InlineData("homepage: not a url", "homepage")]
    [InlineData("vendor: acme", "vendor")]
    public void Invalid_values_name_the_field(string extra, string field)
    {
        var yaml = $"""
            components:
              - id: x
                name: X
                category: cni
                fingerprints:
                  cniTypes: [x]
                {extra}
            """;
        var result = ComponentCatalog.Parse(yaml, "f.yaml");

        Assert.Empty(result.Catalog.Components);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("x", field), (d.EntryId, d.Field));
        Assert.True(d.Line >= 7, d.ToString());
    }

    [Theory]
    [InlineData("category: CNI", "category")]
    [InlineData("category: ''", "category")]
    [InlineData("name: ''", "name")]
    public void Required_and_lowercase_fields_are_checked(string replacement, string field)
    {
        var yaml = """
            components:
              - id: x
                name: X
                category: cni
                fingerprints:
                  cniTypes: [x]
            """;
        var key = replacement[..replacement.IndexOf(':', StringComparison.Ordinal)];
        yaml = string.Join('\n', yaml.Split('\n').Select(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal) ? "    " + replacement : l));

        var d = Assert.Single(ComponentCatalog.Parse(yaml, "f.yaml").Diagnostics);
        Assert.Equal(field, d.Field);
    }

    [Fact]
    public void An_entry_without_fingerprints_is_rejected()
    {
        const string yaml = """
            components:
              - id: ghost
                name: Ghost
                category: operator
            """;
        var d = Assert.Single(ComponentCatalog.Parse(yaml, "f.yaml").Diagnostics);
        Assert.Equal(("ghost", "fingerprints", 2), (d.EntryId, d.Field, d.Line));
        Assert.Contains("at least one fingerprint", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quay.io/calico/node")]
    [InlineData("calico/node:v3.30.0")]
    [InlineData("calico/node@sha256:abc")]
    public void Image_fingerprints_must_be_bare_repository_paths(string image)
    {
        var yaml = $"""
            components:
              - id: x
                name: X
                category: cni
                fingerprints:
                  images: ["{image}"]
            """;
        var d = Assert.Single(ComponentCatalog.Parse(yaml, "f.yaml").Diagnostics);
        Assert.Equal("fingerprints.images[0]", d.Field);
    }

    [Fact]
    public void A_duplicate_id_within_a_file_is_reported_and_the_first_kept()
    {
        const string yaml = """
            components:
              - id: twin
                name: First
                category: cni
                fingerprints: {cniTypes: [a]}
              - id: twin
                name: Second
                category: cni
                fingerprints: {cniTypes: [b]}
            """;
        var result = ComponentCatalog.Parse(yaml, "f.yaml");

        Assert.Equal("First", Assert.Single(result.Catalog.Components).Name);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(("twin", "id", 6), (d.EntryId, d.Field, d.Line));
    }

    [Fact]
    public void Broken_yaml_and_wrong_shapes_are_diagnostics_not_exceptions()
    {
        var broken = ComponentCatalog.Parse("components:\n  - id: [unclosed\n", "b.yaml");
        var d = Assert.Single(broken.Diagnostics);
        Assert.Equal("b.yaml", d.Path);
        Assert.True(d.Line > 0);

        var notAList = ComponentCatalog.Parse("components: {id: x}\n", "c.yaml");
        Assert.Equal("components", Assert.Single(notAList.Diagnostics).Field);

        var topLevel = ComponentCatalog.Parse("kind: Catalog\ncomponents: []\n", "d.yaml");
        Assert.Equal(("kind", 1), (Assert.Single(topLevel.Diagnostics).Field, topLevel.Diagnostics[0].Line));

        Assert.True(ComponentCatalog.Parse(string.Empty, "e.yaml").IsValid);
    }

    [Fact]
    public void User_files_override_built_in_entries_by_id_and_record_their_origin()
    {
        var dir = Directory.CreateTempSubdirectory("catalog-test");
        try
        {
            var file = Path.Combine(dir.FullName, "mine.yaml");
            File.WriteAllText(file, """
                components:
                  - id: velero
                    name: Our Velero
                    category: backup
                    fingerprints:
                      images: [acme/velero]
                  - id: acme-agent
                    name: Acme agent
                    category: monitoring
                    fingerprints:
                      workloads: [acme-agent]
                  - id: Broken
                    name: broken
                    category: monitoring
                    fingerprints:
                      workloads: [b]
                """);
            var missing = Path.Combine(dir.FullName, "missing.yaml");

            var result = ComponentCatalog.LoadFiles([file, missing]);

            var velero = result.Catalog.Find("velero");
            Assert.NotNull(velero);
            Assert.Equal(("Our Velero", file), (velero.Name, velero.Origin));
            Assert.Equal(file, result.Catalog.Find("acme-agent")?.Origin);
            Assert.Equal("built-in", result.Catalog.Find("keda")?.Origin);
            Assert.Null(result.Catalog.Find("Broken"));
            Assert.Collection(result.Diagnostics,
                d => Assert.Equal((file, 12, "Broken", "id"), (d.Path, d.Line, d.EntryId, d.Field)),
                d => Assert.Equal((missing, 0), (d.Path, d.Line)));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
