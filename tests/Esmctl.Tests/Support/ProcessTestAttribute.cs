using Xunit.Abstractions;
using Xunit.Sdk;

namespace Esmctl.Tests.Support;

/// <summary>
/// Marks one of the few tests that launch the esmctl binary (or `esmctl emulator`) as a child process. Everything
/// else calls the command handlers in process (<see cref="InProcessEsmctl"/>). A process test exists only where a
/// process is the thing under test; the reason is one of <see cref="ProcessReason"/>. It shows as two xUnit traits,
/// Category=Process and Process=REASON, so <c>dotnet test --filter Category!=Process</c> runs the in-process suite
/// and <c>--filter Process=Signals</c> one group (docs/testing.md).
/// </summary>
[TraitDiscoverer("Esmctl.Tests.Support.ProcessTestDiscoverer", "Esmctl.Tests")]
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class ProcessTestAttribute(ProcessReason reason) : Attribute, ITraitAttribute
{
    public ProcessReason Reason { get; } = reason;
}

/// <summary>Why a test needs a real esmctl process.</summary>
public enum ProcessReason
{
    /// <summary>Packing, installing and running the released tool.</summary>
    Install,
    /// <summary>SIGINT, SIGTERM and SIGKILL delivered to the running binary: graceful stops, crash recovery.</summary>
    Signals,
    /// <summary>The README's commands, exactly as a newcomer types them in a fresh folder.</summary>
    Readme,
    /// <summary>The AWS SDK's credential and config chain, which reads the process's environment and files.</summary>
    Credentials,
    /// <summary>A pseudo-terminal: colour, the prompt and live progress as a person sees them.</summary>
    Terminal,
}

/// <summary>Turns <see cref="ProcessTestAttribute"/> into the Category and Process traits.</summary>
public sealed class ProcessTestDiscoverer : ITraitDiscoverer
{
    public const string Category = "Category";
    public const string Process = "Process";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        var reason = traitAttribute.GetConstructorArguments().OfType<ProcessReason>().FirstOrDefault();
        yield return new KeyValuePair<string, string>(Category, Process);
        yield return new KeyValuePair<string, string>(Process, reason.ToString());
    }
}
