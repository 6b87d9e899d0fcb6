# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_evctl_global_optspecs
    string join \n b/brokers= context= config= timeout= client-id= tls no-tls tls-ca= tls-cert= tls-key= tls-server-name= tls-insecure sasl-mechanism= sasl-username= sasl-password-file= o/output= color= q/quiet v/verbose h/help V/version
end

function __fish_evctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_evctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_evctl_using_subcommand
    set -l cmd (__fish_evctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c evctl -n "__fish_evctl_needs_command" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_needs_command" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_needs_command" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_needs_command" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_needs_command" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_needs_command" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_needs_command" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_needs_command" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_needs_command" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_needs_command" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_needs_command" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_needs_command" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_needs_command" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'"
complete -c evctl -n "__fish_evctl_needs_command" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_needs_command" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_needs_command" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_needs_command" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_needs_command" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_needs_command" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_needs_command" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "cluster" -d 'Show the cluster: id, controller, brokers, topic and partition counts, API versions'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "config" -d 'Manage connection contexts in the config file'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "validate" -d 'Check spec files (topics.yaml) offline: every problem with its file:line:col'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "generate-docs" -d 'Regenerate completions/ and man/ from the command definitions (for maintainers)'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'"
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l api-versions -d 'Also list the API versions each broker supports, marking the ones evctl needs that are missing'
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -f -a "list" -d 'List the contexts of the config file'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -f -a "current" -d 'Print the name of the context in use'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -f -a "use" -d 'Make a context the current one (rewrites only the current_context line of the file)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -f -a "show" -d 'Show the settings in effect and where each comes from (secrets masked), or one context\'s'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -f -a "path" -d 'Print the path of the config file'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the contexts of the config file'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "current" -d 'Print the name of the context in use'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a context the current one (rewrites only the current_context line of the file)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the settings in effect and where each comes from (secrets masked), or one context\'s'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the config file'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evctl -n "__fish_evctl_using_subcommand validate" -s f -l file -d 'A spec file; repeat to merge several in order (the same as giving them as arguments)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand validate" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand validate" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'"
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand validate" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand validate" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand validate" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand completion" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand completion" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'"
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand completion" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand completion" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand completion" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'"
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config validate completion generate-docs help" -f -a "cluster" -d 'Show the cluster: id, controller, brokers, topic and partition counts, API versions'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config validate completion generate-docs help" -f -a "config" -d 'Manage connection contexts in the config file'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config validate completion generate-docs help" -f -a "validate" -d 'Check spec files (topics.yaml) offline: every problem with its file:line:col'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config validate completion generate-docs help" -f -a "completion" -d 'Print a shell completion script'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config validate completion generate-docs help" -f -a "generate-docs" -d 'Regenerate completions/ and man/ from the command definitions (for maintainers)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config validate completion generate-docs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'List the contexts of the config file'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "current" -d 'Print the name of the context in use'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use" -d 'Make a context the current one (rewrites only the current_context line of the file)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show the settings in effect and where each comes from (secrets masked), or one context\'s'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the config file'
