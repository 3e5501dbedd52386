using ToneLsp.Protocol;

namespace ToneLsp.Server.Handlers;

/// <summary>
/// Serves one LSP method, or a few closely related ones, by converting between the protocol and calls into the
/// <see cref="ServerState"/>. A handler declares its methods and its part of the announced capabilities.
/// </summary>
internal interface ILspHandler
{
    /// <summary>The methods this handler serves.</summary>
    IReadOnlyList<LspMethod> Methods { get; }

    /// <summary>Adds what this handler provides to the capabilities that initialize announces.</summary>
    ServerCapabilities Contribute(ServerCapabilities capabilities) => capabilities;
}

/// <summary>
/// One LSP method: its name, whether it changes the server's state, and the .NET method that serves it.
/// Every method starts on the ordered context in arrival order; one that does not mutate leaves it once it holds
/// its snapshot (<see cref="ServerState.TakeSnapshotAsync"/>), so reads run concurrently and mutations one at a time.
/// </summary>
internal sealed record LspMethod(string Name, bool Mutates, Delegate Implementation);
