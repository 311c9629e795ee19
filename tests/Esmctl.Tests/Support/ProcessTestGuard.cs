using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Esmctl.Tests.Support;

/// <summary>
/// Keeps the set of process tests named: every helper that launches esmctl asks here first, and a test that is not
/// marked <see cref="ProcessTestAttribute"/> (on its method or class) fails with a message saying to run it in process
/// (<see cref="InProcessEsmctl"/>) or to name why it needs a process.
/// </summary>
internal static class ProcessTestGuard
{
    public static void Require()
    {
        foreach (var frame in new StackTrace().GetFrames())
        {
            if (frame.GetMethod() is not { } method || TestMethodOf(method) is not { } test) continue;
            if (test.GetCustomAttribute<ProcessTestAttribute>() is not null
                || test.DeclaringType?.GetCustomAttribute<ProcessTestAttribute>() is not null) return;
            throw new InvalidOperationException(
                $"{test.DeclaringType?.Name}.{test.Name} launches the esmctl binary but is not a named process test: run it in " +
                "process with InProcessEsmctl, or mark it [ProcessTest(reason)] if a process is what it tests (docs/testing.md)");
        }
    }

    /// <summary>The [Fact]/[Theory] method a frame belongs to: itself, or the method whose async state machine it is.</summary>
    private static MethodInfo? TestMethodOf(MethodBase method)
    {
        if (method is MethodInfo info && info.GetCustomAttribute<FactAttribute>() is not null) return info;
        var machine = method.DeclaringType;
        if (machine?.DeclaringType is not { } owner || !typeof(IAsyncStateMachine).IsAssignableFrom(machine)) return null;
        return owner.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .FirstOrDefault(m => m.GetCustomAttribute<AsyncStateMachineAttribute>()?.StateMachineType == machine
                && m.GetCustomAttribute<FactAttribute>() is not null);
    }
}
