using System.Text;
using K8sLandscape.Analyzers.Rules.Storage;

namespace K8sLandscape.Analyzers.Tests.Verification;

/// <summary>The verifier itself: markers, their stripping, and failures that say what differs.</summary>
public class RuleVerifierTests
{
    private const string TwoDefaults = """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: a
          annotations: { storageclass.kubernetes.io/is-default-class: "true" }{0}
        provisioner: x.example.com
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: b
          annotations: { storageclass.kubernetes.io/is-default-class: "true" }
        provisioner: y.example.com
        """;

    [Fact]
    public void Stripping_a_marker_leaves_every_other_byte_line_and_column_as_written()
    {
        var text = "a: 1 #! KL0001\r\nb: |\n  #!/bin/sh\n  echo #! KL3001, KL3002\nc: 'x' # plain comment\n\xe9 #! KL0004 @ other.yaml:0\n";
        var (stripped, expected) = Markers.Strip(Encoding.Latin1.GetBytes(text), "f.yaml");

        Assert.Equal("a: 1\r\nb: |\n  #!/bin/sh\n  echo\nc: 'x' # plain comment\n\xe9\n", Encoding.Latin1.GetString(stripped));
        Assert.Equal(
            [new("KL0001", "f.yaml", 1), new("KL3001", "f.yaml", 4), new("KL3002", "f.yaml", 4), new ExpectedFinding("KL0004", "other.yaml", 0)],
            expected);
    }

    [Fact]
    public void A_marked_input_passes_and_the_findings_come_back_for_further_checks()
    {
        var findings = RuleVerifier.Verify(new MultipleDefaultStorageClassesAnalyzer(), TwoDefaults.Replace("{0}", " #! KL3001", StringComparison.Ordinal));

        var f = Assert.Single(findings);
        Assert.Equal(new Loading.SourceSpan("test.yaml", 5, 1), f.Location);
        Assert.Equal([12], f.RelatedLocations.Select(l => l.Line));
    }

    [Fact]
    public void A_missing_marker_fails_with_the_unexpected_finding_and_its_message()
    {
        var ex = Assert.ThrowsAny<Exception>(() => RuleVerifier.Verify(new MultipleDefaultStorageClassesAnalyzer(), TwoDefaults.Replace("{0}", string.Empty, StringComparison.Ordinal)));

        Assert.Contains("Unexpected (reported, not expected):\n  KL3001 test.yaml:5", ex.Message.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("KL3001 test.yaml:5 error: 2 StorageClasses are annotated default", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_marker_on_the_wrong_line_fails_as_missing_and_unexpected()
    {
        var yaml = TwoDefaults.Replace("{0}", string.Empty, StringComparison.Ordinal).Replace("provisioner: x.example.com", "provisioner: x.example.com #! KL3001", StringComparison.Ordinal);

        var ex = Assert.ThrowsAny<Exception>(() => RuleVerifier.Verify(new MultipleDefaultStorageClassesAnalyzer(), yaml));

        var message = ex.Message.ReplaceLineEndings("\n");
        Assert.Contains("Missing (expected, not reported):\n  KL3001 test.yaml:6\n", message, StringComparison.Ordinal);
        Assert.Contains("Unexpected (reported, not expected):\n  KL3001 test.yaml:5\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expectation_names_a_file_without_markers_by_its_path_or_its_trailing_segments()
    {
        var input = RuleInput.Texts(("cluster/storage/classes.yaml", TwoDefaults.Replace("{0}", string.Empty, StringComparison.Ordinal)));

        Assert.Single(RuleVerifier.Verify(new MultipleDefaultStorageClassesAnalyzer(), input, new ExpectedFinding("KL3001", "classes.yaml", 5)));
        Assert.Single(RuleVerifier.Verify(new MultipleDefaultStorageClassesAnalyzer(), input, new ExpectedFinding("KL3001", "cluster/storage/classes.yaml", 5)));
        Assert.ThrowsAny<Exception>(() => RuleVerifier.Verify(new MultipleDefaultStorageClassesAnalyzer(), input, new ExpectedFinding("KL3001", "sses.yaml", 5)));
    }

    [Fact]
    public void Two_findings_on_one_line_need_two_markers()
    {
        var (_, markers) = RuleVerifier.Load(RuleInput.Yaml("a: 1 #! KL3001 KL3001\n"));

        Assert.Equal(2, markers.Count(m => m.RuleId == "KL3001" && m.Line == 1));
    }

    [Fact]
    public void Opt_in_rules_of_the_analyzer_under_test_are_enabled()
    {
        Assert.False(K8sLandscape.Analyzers.Rules.Layers.ExtensionSprawlAnalyzer.Descriptor.IsEnabledByDefault);

        var findings = RuleVerifier.Verify(new K8sLandscape.Analyzers.Rules.Layers.ExtensionSprawlAnalyzer(), RuleInput.Fixture("Layers/KL8005.fires.two-cnis"));

        Assert.Contains(findings, f => f.Id == "KL8005");
    }
}
