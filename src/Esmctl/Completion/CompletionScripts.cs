namespace Esmctl.Completion;

/// <summary>
/// Shell completion scripts. Each is a thin shim that asks esmctl itself what completes the line so far, through
/// System.CommandLine's suggest directive (<c>esmctl "[suggest:POSITION]" "LINE"</c>): commands, options and option
/// values come from the command definitions, so the scripts never list them and cannot go stale. The shim calls the
/// esmctl the user typed (a path works too), so the completions match that binary's version.
/// </summary>
public static class CompletionScripts
{
    public static readonly IReadOnlyList<string> Shells = ["bash", "zsh", "fish", "pwsh"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        "pwsh" => PowerShell,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, $"one of {string.Join(", ", Shells)}"),
    };

    private const string Bash = """
        # esmctl completion for bash. Load it now:   source <(esmctl completion bash)
        # or for every shell:                       esmctl completion bash > ~/.local/share/bash-completion/completions/esmctl
        _esmctl_complete() {
            local line="${COMP_LINE:0:COMP_POINT}"
            local rest=""
            [[ "$line" == *[[:space:]]* ]] && rest="${line#*[[:space:]]}"
            local IFS=$'\n'
            local candidates
            candidates="$("${COMP_WORDS[0]}" "[suggest:${#rest}]" "$rest" 2>/dev/null)"
            COMPREPLY=($(compgen -W "$candidates" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _esmctl_complete esmctl

        """;

    private const string Zsh = """
        #compdef esmctl
        # esmctl completion for zsh. Load it now:   source <(esmctl completion zsh)
        # or save it as _esmctl in a directory of your $fpath.
        _esmctl() {
            local rest="${(j: :)words[2,CURRENT]}"
            local -a candidates
            candidates=("${(@f)$("${words[1]}" "[suggest:${#rest}]" "$rest" 2>/dev/null)}")
            candidates=(${candidates:#})
            if (( ${#candidates} )); then
                compadd -a candidates
            else
                _files
            fi
        }
        if (( $+functions[compdef] )); then compdef _esmctl esmctl; fi

        """;

    private const string Fish = """
        # esmctl completion for fish. Load it now:  esmctl completion fish | source
        # or for every shell:                       esmctl completion fish > ~/.config/fish/completions/esmctl.fish
        function __esmctl_complete
            set -l tokens (commandline -opc)
            set -l rest (string join ' ' -- $tokens[2..-1] (commandline -ct))
            $tokens[1] "[suggest:"(string length -- "$rest")"]" "$rest" 2>/dev/null
        end
        complete -c esmctl -a '(__esmctl_complete)'

        """;

    private const string PowerShell = """
        # esmctl completion for PowerShell. Load it now:  esmctl completion pwsh | Out-String | Invoke-Expression
        # or add that line to your $PROFILE.
        Register-ArgumentCompleter -Native -CommandName esmctl -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.Extent.Text
            $upTo = $cursorPosition - $commandAst.Extent.StartOffset
            if ($upTo -gt $line.Length) { $line = $line.PadRight($upTo) } else { $line = $line.Substring(0, $upTo) }
            $exe = $commandAst.CommandElements[0].Extent.Text
            $rest = $line.Substring([Math]::Min($exe.Length, $line.Length)).TrimStart()
            & $exe "[suggest:$($rest.Length)]" "$rest" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;
}
