using System.Text.Json;
using K8sLandscape.Catalog;
using K8sLandscape.Catalog.Reading;
using K8sLandscape.Model;
using K8sLandscape.TestSupport;

namespace K8sLandscape.Core.Tests.Catalog;

/// <summary>
/// The built-in catalog is written as YAML (Catalog/Data/&lt;category&gt;.yaml) and shipped in a
/// generated form that is read without parsing or validating at run time. These tests are the gate
/// the YAML passes instead: every check a user file gets, and the shipped form made from it.
/// </summary>
public class BuiltInCatalogSourceTests
{
    private const string DataFolder = "src/K8sLandscape.Core/Catalog/Data";
    private const string ShippedForm = DataFolder + "/built-in.txt";

    [Fact]
    public void The_yaml_sources_validate_and_the_shipped_form_is_generated_from_them()
    {
        var sources = ReadSources();
        Assert.True(sources.Count >= 20, $"expected the category files in {DataFolder}, found {sources.Count}");

        var result = ComponentCatalog.ReadBuiltInSources(sources);
        Assert.True(result.Diagnostics.Count == 0, string.Join(Environment.NewLine, result.Diagnostics));

        var generated = BuiltInCatalogText.Write(result.Catalog.Components);
        var path = Corpus.InRepository(ShippedForm);
        var shipped = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        if (shipped != generated && Environment.GetEnvironmentVariable("K8SLANDSCAPE_REGENERATE") == "1")
        {
            File.WriteAllText(path, generated);
            shipped = generated;
        }

        Assert.True(shipped == generated, $"{ShippedForm} is out of date with the YAML beside it; regenerate it (see its header)");
    }

    [Fact]
    public void The_library_ships_exactly_the_catalog_the_yaml_sources_define()
    {
        var fromYaml = ComponentCatalog.ReadBuiltInSources(ReadSources()).Catalog.Components;

        Assert.Empty(ComponentCatalog.BuiltInDiagnostics);
        Assert.Equal(fromYaml.Select(Json), ComponentCatalog.BuiltIn.Components.Select(Json));
    }

    [Fact]
    public void A_bad_built_in_entry_fails_the_source_check()
    {
        const string cni = """
            components:
              - id: Bad_Id
                name: Bad
                category: cni
                fingerprints:
                  images: [docker.io/bad/image:1.0]
              - id: storage-thing
                name: Storage thing
                category: csi-driver
                fingerprints:
                  csiDrivers: [thing.csi.example.com]
            """;
        const string csi = """
            components:
              - id: storage-thing
                name: Storage thing again
                category: csi-driver
                fingerprints:
                  csiDrivers: [other.csi.example.com]
            """;

        var result = ComponentCatalog.ReadBuiltInSources([("csi-driver.yaml", csi), ("cni.yaml", cni)]);

        var problems = result.Diagnostics.Select(d => (d.Path, d.EntryId, d.Field)).ToList();
        Assert.Contains(("cni.yaml", "Bad_Id", "id"), problems);
        Assert.Contains(("cni.yaml", "Bad_Id", "fingerprints.images[0]"), problems);
        Assert.Contains(("cni.yaml", "storage-thing", "category"), problems);
        Assert.Contains(("csi-driver.yaml", "storage-thing", "id"), problems);
    }

    [Fact]
    public void The_shipped_form_keeps_every_field_and_awkward_text()
    {
        var full = new ComponentDefinition
        {
            Id = "every-field",
            Name = "Every\tfield \\ with\nbreaks\r",
            Category = "cni",
            Provides = ["pod-network", "network-policy"],
            Description = string.Empty,
            Homepage = "https://example.com/a?b=c",
            Includes = ["calico"],
            Fingerprints = new Fingerprints
            {
                Images = ["a/b"], CrdGroups = ["g.example.com"], Crds = ["things.g.example.com"], Workloads = ["w"], CsiDrivers = ["c"],
                Provisioners = ["p"], ExtendedResources = ["e/r"], DraDrivers = ["d"], Webhooks = ["*.w.example.com"], CniTypes = ["t"],
                RuntimeEngines = ["re"], RuntimeHandlers = ["rh"], IngressControllers = ["ic"], GatewayControllers = ["gc"], Schedulers = ["s"],
                Labels = ["app=x"], OlmPackages = ["o"],
            },
            Capabilities = new ComponentCapabilities
            {
                CniRole = "primary", NetworkPolicy = false, DataPlane = "routed", Encapsulation = ["vxlan"], Ebpf = true,
                AccessModes = ["ReadWriteOnce"], VolumeExpansion = true, Snapshots = false, Topology = true, StorageCategory = "nas",
                MigratesInTreeProvisioner = "kubernetes.io/aws-ebs", Isolation = "vm-sandbox", CriVersions = ["v1"], OperatorCapabilityLevel = 4,
                InjectionSelectors = ["istio-injection=enabled"], Extra = new Dictionary<string, string> { ["z"] = "last\tvalue", ["a"] = string.Empty },
            },
        };
        var sparse = new ComponentDefinition { Id = "sparse", Name = "Sparse", Category = "cni", Fingerprints = new Fingerprints { Images = ["s/s"] } };

        var diagnostics = new List<CatalogDiagnostic>();
        var read = BuiltInCatalogText.Read(BuiltInCatalogText.Write([full, sparse]), "built-in.txt", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal([Json(full), Json(sparse)], read.Select(Json));
        Assert.Equal(["z", "a"], read[0].Capabilities.Extra.Keys);
        Assert.Null(read[1].Description);
    }

    [Fact]
    public void A_line_the_reader_does_not_know_becomes_a_located_diagnostic()
    {
        const string text = "# header\n\nid\tx\nname\tX\ncategory\tcni\nfingerprints.colour\tblue\nfingerprints.images\tx/x\n";
        var diagnostics = new List<CatalogDiagnostic>();

        var read = BuiltInCatalogText.Read(text, "built-in.txt", diagnostics);

        var d = Assert.Single(diagnostics);
        Assert.Equal(("built-in.txt", 6, "x", "fingerprints.colour"), (d.Path, d.Line, d.EntryId, d.Field));
        Assert.Equal(["x/x"], Assert.Single(read).Fingerprints.Images);
    }

    private static List<(string File, string Yaml)> ReadSources() =>
        Directory.GetFiles(Corpus.InRepository(DataFolder), "*.yaml")
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();

    private static string Json(ComponentDefinition definition) => JsonSerializer.Serialize(definition);
}
