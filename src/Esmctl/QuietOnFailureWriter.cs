using System.Text;

namespace Esmctl;

/// <summary>
/// Standard output or error as a command writes to it: once a write fails with an IOException (a terminal that hung up
/// answers EIO, a pipe whose reader left answers EPIPE), the writer goes quiet: that write and every later one are
/// dropped instead of thrown. Nobody is reading any more, and the run must still finish what it started and end with its
/// own exit code (129 after SIGHUP); an exception from a report nobody can see would replace that code, or, thrown again
/// while reporting the error, crash the process.
/// </summary>
public sealed class QuietOnFailureWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly OutputLoss? _loss;
    private volatile bool _failed;

    private QuietOnFailureWriter(TextWriter inner, OutputLoss? loss) : base(inner.FormatProvider)
    {
        _inner = inner;
        _loss = loss;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    /// <summary><paramref name="writer"/>, going quiet once it fails (itself if it already is such a writer); a failure
    /// is reported to <paramref name="loss"/>, shared by a console's output and error.</summary>
    public static TextWriter Over(TextWriter writer, OutputLoss? loss = null) =>
        writer as QuietOnFailureWriter ?? new QuietOnFailureWriter(writer, loss);

    /// <summary>Whether a write failed and the writer has gone quiet.</summary>
    public bool Failed => _failed;

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value) => Try(() => _inner.Write(value));

    public override void Write(string? value) => Try(() => _inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Try(() => _inner.Write(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_failed) return;
        try
        {
            _inner.Write(buffer);
        }
        catch (IOException)
        {
            GoQuiet();
        }
    }

    public override void WriteLine() => Try(_inner.WriteLine);

    public override void WriteLine(string? value) => Try(() => _inner.WriteLine(value));

    public override void Flush() => Try(_inner.Flush);

    public override Task WriteAsync(char value) => TryAsync(() => _inner.WriteAsync(value));

    public override Task WriteAsync(string? value) => TryAsync(() => _inner.WriteAsync(value));

    public override Task WriteAsync(char[] buffer, int index, int count) => TryAsync(() => _inner.WriteAsync(buffer, index, count));

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        TryAsync(() => _inner.WriteAsync(buffer, cancellationToken));

    public override Task WriteLineAsync() => TryAsync(_inner.WriteLineAsync);

    public override Task WriteLineAsync(char value) => TryAsync(() => _inner.WriteLineAsync(value));

    public override Task WriteLineAsync(string? value) => TryAsync(() => _inner.WriteLineAsync(value));

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        TryAsync(() => _inner.WriteLineAsync(buffer, cancellationToken));

    public override Task FlushAsync() => TryAsync(_inner.FlushAsync);

    private void Try(Action write)
    {
        if (_failed) return;
        try
        {
            write();
        }
        catch (IOException)
        {
            GoQuiet();
        }
    }

    private async Task TryAsync(Func<Task> write)
    {
        if (_failed) return;
        try
        {
            await write();
        }
        catch (IOException)
        {
            GoQuiet();
        }
    }

    private void GoQuiet()
    {
        _failed = true;
        _loss?.Report();
    }
}
