using K8sLandscape.Loading;
using static K8sLandscape.Core.Tests.Loading.HostileInput;

namespace K8sLandscape.Core.Tests.Loading;

/// <summary>Malformed documents: each is reported at its line and the documents around it still load.</summary>
public class HostileDocumentTests
{
    [Fact]
    public void Yaml_syntax_error_is_KL0002_at_the_offending_line()
    {
        var result = Load(Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a: b\n"));

        result.SingleDiagnostic(LoadDiagnosticCodes.InvalidSyntax, 9);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Unclosed_flow_sequence_is_KL0002_and_does_not_swallow_the_next_document()
    {
        var result = Load(Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n"));

        // The parser only finds out at the document's end, the line of the next '---'.
        result.SingleDiagnostic(LoadDiagnosticCodes.InvalidSyntax, 10);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Tab_indentation_is_KL0011_at_the_tab_line()
    {
        var result = Load(Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabbed\n"));

        result.SingleDiagnostic(LoadDiagnosticCodes.TabIndentation, 9);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Tab_after_a_scalar_value_is_KL0011_at_the_tab_line_not_the_value_line()
    {
        var result = Load(Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: '1'\n\tb: '2'\n"));

        result.SingleDiagnostic(LoadDiagnosticCodes.TabIndentation, 12);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Tabs_inside_a_block_scalar_are_content_not_indentation()
    {
        var result = Load(Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: makefile\ndata:\n  Makefile: |\n    all:\n    \techo hi\n"));

        Assert.Empty(result.Diagnostics);
        result.AssertNeighboursLoaded("makefile");
        Assert.Equal("all:\n\techo hi\n", result.Objects[1].GetString("data.Makefile"));
    }

    [Fact]
    public void Bad_indentation_is_KL0002_at_the_misindented_line()
    {
        var result = Load(Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n labels: y\n"));

        result.SingleDiagnostic(LoadDiagnosticCodes.InvalidSyntax, 10);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void A_scalar_document_is_KL0005()
    {
        var result = Load(Around("just a sentence\n"));

        result.SingleDiagnostic(LoadDiagnosticCodes.NotAMapping, BadDocumentLine);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void A_sequence_document_is_KL0005()
    {
        var result = Load(Around("- a\n- b\n"));

        result.SingleDiagnostic(LoadDiagnosticCodes.NotAMapping, BadDocumentLine);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Missing_apiVersion_is_KL0006()
    {
        var result = Load(Around("kind: ConfigMap\nmetadata:\n  name: x\n"));

        result.SingleDiagnostic(LoadDiagnosticCodes.MissingTypeInformation, BadDocumentLine);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Missing_kind_is_KL0006()
    {
        var result = Load(Around("apiVersion: v1\nmetadata:\n  name: x\n"));

        result.SingleDiagnostic(LoadDiagnosticCodes.MissingTypeInformation, BadDocumentLine);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Missing_metadata_name_is_KL0007_at_the_metadata()
    {
        var result = Load(Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {app: x}\n"));

        result.SingleDiagnostic(LoadDiagnosticCodes.MissingName, 9);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Missing_metadata_is_KL0007_at_the_document()
    {
        var result = Load(Around("apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n"));

        result.SingleDiagnostic(LoadDiagnosticCodes.MissingName, BadDocumentLine);
        result.AssertNeighboursLoaded();
    }

    [Fact]
    public void Duplicate_keys_are_a_KL0008_warning_and_the_last_value_wins()
    {
        var result = Load(Around("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n  name: second\n"));

        var d = result.SingleDiagnostic(LoadDiagnosticCodes.DuplicateKey, 10);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        result.AssertNeighboursLoaded("second");
        Assert.Equal(10, result.Objects[1].LocationOf("metadata.name").Line);
    }

    [Fact]
    public void Duplicate_keys_in_json_are_a_KL0008_warning_and_the_last_value_wins()
    {
        const string json = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n \"metadata\": {\"name\": \"first\",\n \"name\": \"second\"}}\n";
        var result = LoaderTestExtensions.Load(json, "dup.json");

        var d = result.SingleDiagnostic(LoadDiagnosticCodes.DuplicateKey, 3);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("second", Assert.Single(result.Objects).Name);
    }

    [Fact]
    public void Empty_documents_between_markers_are_silently_skipped()
    {
        var result = Load(Before + "---\n---\n# only a comment\n" + After);

        Assert.Empty(result.Diagnostics);
        result.AssertNeighboursLoaded();
    }
}
