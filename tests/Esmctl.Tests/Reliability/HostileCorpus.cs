using System.Text;

namespace Esmctl.Tests.Reliability;

/// <summary>
/// Hostile manifests generated into a folder: deep nesting (flow and block), a file over the size limit, binary
/// noise, non-UTF-8 bytes, two files declaring the same name, a symlink loop back to the folder, a FIFO and a link to
/// /dev/zero named *.yaml (reading either naively blocks or never ends), thousands of documents, a huge scalar.
/// </summary>
internal static class HostileCorpus
{
    private const string Head = "apiVersion: esmctl/v1\nkind: EventSourceMapping\nmetadata:\n  name: {0}\n  region: us-east-1\nspec:\n  functionName: fn\n";

    public static void Write(string folder, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        void Text(string name, string content) => File.WriteAllText(Path.Combine(folder, name), content);
        void Bytes(string name, byte[] content) => File.WriteAllBytes(Path.Combine(folder, name), content);

        Text("deep-flow.yaml", string.Format(Head, "deep-flow") + "  filterCriteria: " + new string('[', 50_000) + new string(']', 50_000) + "\n");
        var block = new StringBuilder(string.Format(Head, "deep-block") + "  filterCriteria:\n");
        for (var depth = 0; depth < 2000; depth++) block.Append(new string(' ', 4 + depth)).Append("k:\n");
        Text("deep-block.yaml", block.ToString());
        Text("huge.yaml", string.Format(Head, "huge") + "  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:q\n" + new string('#', 2 * 1024 * 1024) + "\n");
        Text("huge-scalar.yaml", string.Format(Head, "huge-scalar") + "  eventSourceArn: " + new string('a', 900_000) + "\n");
        var noise = new byte[4096];
        random.NextBytes(noise);
        Bytes("binary.yaml", noise);
        Bytes("binary-nul-in-value.yaml", [.. Encoding.UTF8.GetBytes(string.Format(Head, "nul") + "  eventSourceArn: arn\0\0\u0001"), 0xFF, 0x00, 0x0A]);
        Bytes("non-utf8.yaml", [.. Encoding.UTF8.GetBytes(string.Format(Head, "latin")), .. "  eventSourceArn: caf\u00e9"u8.ToArray()[..^2], 0xE9, 0xFF, 0xFE, 0x0A]);
        Bytes("utf16.yaml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(string.Format(Head, "utf16"))).ToArray());
        Text("many-documents.yaml", string.Concat(Enumerable.Repeat("---\n{}\n", 20_000)));
        Text("tabs.yaml", string.Format(Head, "tabs") + "\teventSourceArn: x\n");
        Text("empty-name-a.yaml", string.Format(Head, "same-name") + "  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:dup-a\n");
        Text("empty-name-b.yaml", string.Format(Head, "same-name") + "  eventSourceArn: arn:aws:sqs:us-east-1:123456789012:dup-b\n");
        Text("anchors-everywhere.yaml", "a: &a [x, *a]\n");
        Directory.CreateSymbolicLink(Path.Combine(folder, "loop"), folder);
        Directory.CreateDirectory(Path.Combine(folder, "nested"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "nested", "back-up"), Path.Combine(folder, "nested"));
        if (!OperatingSystem.IsWindows())
        {
            File.CreateSymbolicLink(Path.Combine(folder, "zero.yaml"), "/dev/zero");
            Mkfifo(Path.Combine(folder, "fifo.yaml"));
        }
    }

    private static void Mkfifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
