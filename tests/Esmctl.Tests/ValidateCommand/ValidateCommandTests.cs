using Esmctl.Tests.Support;
using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Esmctl;
using Esmctl.Commands;
using Reconciler.Testing;

namespace Esmctl.Tests.ValidateCommandTests;

public sealed class ValidateCommandTests : IDisposable
{
    private static readonly string Examples = RepositoryPaths.Examples;
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("esmctl-validate-");

    public void Dispose() => _scratch.Delete(recursive: true);

    private string Broken()
    {
        var path = Path.Combine(_scratch.FullName, "broken.yaml");
        File.WriteAllText(path, """
            apiVersion: esmctl/v1
            kind: EventSourceMapping
            metadata:
              name: orders
            spec:
              functionName: order-processor
              eventSourceArn: arn:aws:sqs:us-east-1:123456789012:orders
              batchsize: 10
            """);
        return path;
    }

    [Fact]
    public void Examples_are_valid()
    {
        var output = new StringWriter();
        var exit = ValidateCommand.Run([Examples], "text", new ManualTimeProvider(), output);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("valid: 9 mappings in 13 files (5 documents of other tools skipped)\n", output.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void Broken_file_prints_file_line_column_field_and_exits_1()
    {
        var path = Broken();
        var output = new StringWriter();
        var exit = ValidateCommand.Run([path], "text", new ManualTimeProvider(), output);
        Assert.Equal(ExitCodes.Error, exit);
        Assert.StartsWith($"{path}:8:3: error: spec.batchsize: unknown field, did you mean `batchSize`?\n", output.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void Json_output_lists_every_diagnostic()
    {
        var path = Broken();
        var output = new StringWriter();
        var root = Program.BuildRootCommand(InProcessEsmctl.Quiet);
        var exit = root.Parse(["validate", path, "--output", "json"]).Invoke(new InvocationConfiguration { Output = output });

        Assert.Equal(ExitCodes.Error, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var report = json.RootElement;
        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Equal(0, report.GetProperty("mappings").GetInt32());
        Assert.Equal(1, report.GetProperty("files").GetInt32());
        var diagnostic = Assert.Single(report.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(path, diagnostic.GetProperty("file").GetString());
        Assert.Equal(8, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(3, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal("spec.batchsize", diagnostic.GetProperty("field").GetString());
    }

    [Fact]
    public void The_command_line_validates_examples_and_rejects_a_broken_file()
    {
        var (exit, stdout) = RunEsmctl("validate", Examples);
        Assert.Equal((0, "valid: 9 mappings in 13 files (5 documents of other tools skipped)"), (exit, stdout.Trim()));

        var path = Broken();
        (exit, stdout) = RunEsmctl("validate", path);
        Assert.Equal(1, exit);
        Assert.Contains($"{path}:8:3: error: spec.batchsize:", stdout);
    }

    private static (int Exit, string Stdout) RunEsmctl(params string[] args)
    {
        var result = InProcessEsmctl.Default.Run(args);
        Assert.Equal("", result.Stderr);
        return (result.ExitCode, result.Stdout);
    }
}
