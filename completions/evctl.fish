# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_evctl_global_optspecs
    string join \n b/brokers= context= config= timeout= client-id= tls no-tls tls-ca= tls-cert= tls-key= tls-server-name= tls-insecure sasl-mechanism= sasl-username= sasl-password-file= registry= registry-user= registry-password-file= registry-token-file= registry-ca= o/output= color= q/quiet v/verbose h/help V/version
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
complete -c evctl -n "__fish_evctl_needs_command" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_needs_command" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_needs_command" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_needs_command" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_needs_command" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_needs_command" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
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
complete -c evctl -n "__fish_evctl_needs_command" -f -a "schema" -d 'Check schema compatibility (the CI gate), and read or register schemas in a registry'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "validate" -d 'Check spec files (topics.yaml) offline: every problem with its file:line:col'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "plan" -d 'Show what `evctl apply` would change in the cluster, without changing anything'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "apply" -d 'Make the cluster\'s topics match the spec (after showing the plan and asking)'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "export" -d 'Write the cluster\'s topics as a topics.yaml spec'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "orphans" -d 'List topics in the cluster that the spec does not list'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "publish" -d 'Publish records: a value, lines or JSON-lines records from stdin or a file'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "tail" -d 'Read records: follow a topic, or dump a range and exit; filters and formats'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "lag" -d 'Consumer lag: offsets and time behind, health, thresholds, watch until caught up'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "group" -d 'Consumer groups: list, describe, reset offsets (plan first), delete'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "dlq" -d 'Dead-letter topics: inspect, replay without loss, drain, purge'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "trim" -d 'Trim a Redis stream, refusing to delete entries a group has not read (or --force)'
complete -c evctl -n "__fish_evctl_needs_command" -f -a "jobs" -d 'BullMQ queues in Redis: counts, jobs, promote, pause and resume'
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
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand cluster" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
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
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -f -a "list" -d 'List the contexts of the config file'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -f -a "current" -d 'Print the name of the context in use'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -f -a "use" -d 'Make a context the current one (rewrites only the current_context line of the file)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -f -a "show" -d 'Show the settings in effect and where each comes from (secrets masked), or one context\'s'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -f -a "path" -d 'Print the path of the config file'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -f -a "set-context" -d 'Create a context, or change the settings given in an existing one (the rest of the file, comments included, stays as it is). Takes the connection flags (-b, --tls-ca, --sasl-mechanism, ...) and secret references; never a secret itself'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -f -a "delete-context" -d 'Remove a context (and current_context, when it names it)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -f -a "rename-context" -d 'Rename a context (and current_context with it)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and not __fish_seen_subcommand_from list current use show path set-context delete-context rename-context help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
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
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from current" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
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
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from use" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
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
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
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
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from path" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
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
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l password-env -d 'The environment variable that holds the SASL password (written as password_env)' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l password-file -d 'The file that holds the SASL password (written as password_file)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l registry-url -d 'Schema registry URL' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l registry-username -d 'Schema registry basic-auth user' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l registry-password-env -d 'The environment variable that holds the registry password' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l registry-password-file -d 'The file that holds the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l registry-token-env -d 'The environment variable that holds a registry bearer token' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l registry-token-file -d 'The file that holds a registry bearer token' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l registry-ca -d 'The CA that signed the registry\'s certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l use -d 'Also make it the current context'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from set-context" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from delete-context" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from rename-context" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the contexts of the config file'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "current" -d 'Print the name of the context in use'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a context the current one (rewrites only the current_context line of the file)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the settings in effect and where each comes from (secrets masked), or one context\'s'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of the config file'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set-context" -d 'Create a context, or change the settings given in an existing one (the rest of the file, comments included, stays as it is). Takes the connection flags (-b, --tls-ca, --sasl-mechanism, ...) and secret references; never a secret itself'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "delete-context" -d 'Remove a context (and current_context, when it names it)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "rename-context" -d 'Rename a context (and current_context with it)'
complete -c evctl -n "__fish_evctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -f -a "check" -d 'Check that a new schema is compatible with earlier versions (files, a directory, a git ref or a registry)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -f -a "get" -d 'Print a schema version from the registry'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -f -a "list" -d 'List the registry\'s subjects, or one subject\'s versions'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -f -a "register" -d 'Register a schema under a subject (exit 3 when the registry finds it incompatible)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and not __fish_seen_subcommand_from check get list register help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l against -d 'Earlier versions, oldest first' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l against-git -d 'Compare with the same path at this git ref (e.g. origin/main)' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l against-dir -d 'A directory holding the earlier versions; file names sort into version order (v1, v2, ..., v10)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l type -d 'Schema format [default: from the file extension: .avsc, .json, .proto]' -r -f -a "avro\t'Apache Avro (.avsc)'
json\t'JSON Schema (.json)'
protobuf\t'Protocol Buffers (.proto)'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l mode -d 'Compatibility mode [default: BACKWARD; with --registry and no --mode, the subject\'s level, checked by the registry]' -r -f -a "BACKWARD\t'New schema can read data written with the latest previous one'
BACKWARD_TRANSITIVE\t'New schema can read data written with every previous one'
FORWARD\t'Data written with the new schema can be read with the latest previous one'
FORWARD_TRANSITIVE\t'Data written with the new schema can be read with every previous one'
FULL\t'Backward and forward against the latest previous schema'
FULL_TRANSITIVE\t'Backward and forward against every previous schema'
NONE\t'No check'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l policy -d 'JSON Schema policy: strict (Confluent\'s default) or lenient' -r -f -a "strict\t''
lenient\t''"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l reference -d 'A referenced schema: NAME=FILE (Avro full type name, Protobuf import path, JSON $ref file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s I -l include -d 'Directory to search for Protobuf imports (besides the schema\'s own directory)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l spec -d 'Check every schema of a topics.yaml `schemas:` section that changed, each under its own mode' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l subject -d 'Registry subject to check against (with --registry)' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l format -d 'Report format' -r -f -a "text\t'Lines `path: KIND - description (against vN)`; -o json / -o yaml for documents'
github\t'GitHub Actions workflow annotations (::error file=...)'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l all-versions -d 'With a transitive mode, report every failing version instead of stopping at the first'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l subject -d 'The subject' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l version -d 'Version number or `latest`' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l subject -d 'List this subject\'s versions instead of the subjects' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l subject -d 'The subject to register under' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l type -d 'Schema format [default: from the file extension]' -r -f -a "avro\t'Apache Avro (.avsc)'
json\t'JSON Schema (.json)'
protobuf\t'Protocol Buffers (.proto)'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l reference -d 'A reference to a registered schema: NAME=SUBJECT:VERSION' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from register" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check that a new schema is compatible with earlier versions (files, a directory, a git ref or a registry)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print a schema version from the registry'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the registry\'s subjects, or one subject\'s versions'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "register" -d 'Register a schema under a subject (exit 3 when the registry finds it incompatible)'
complete -c evctl -n "__fish_evctl_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand validate" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand validate" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
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
complete -c evctl -n "__fish_evctl_using_subcommand plan" -s f -l file -d 'More spec files, merged in order after the positional ones (-f base.yaml -f prod.yaml)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand plan" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand plan" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l prune -d 'Also delete managed topics the spec does not list (never protected or internal ones)'
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l prune-configs -d 'Also remove topic overrides (DYNAMIC_TOPIC_CONFIG) of keys the spec does not set'
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l prune-acls -d 'Also delete ACLs of managed principals (`managed.principals` and those the spec declares ACLs for) that the spec does not declare'
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l prune-quotas -d 'Also remove the cluster\'s client quotas that the spec does not set (every entity\'s)'
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l detailed-exitcode -d 'Exit 3 when changes are pending (a drift gate for CI)'
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand plan" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand plan" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand plan" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand plan" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -s f -l file -d 'More spec files, merged in order after the positional ones (-f base.yaml -f prod.yaml)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l throttle -d 'Replication throttle of replication-factor changes, per broker (`none` for none); removed once the reassignment completes [default: 50MiB/s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand apply" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand apply" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l prune -d 'Also delete managed topics the spec does not list (never protected or internal ones)'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l prune-configs -d 'Also remove topic overrides (DYNAMIC_TOPIC_CONFIG) of keys the spec does not set'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l prune-acls -d 'Also delete ACLs of managed principals (`managed.principals` and those the spec declares ACLs for) that the spec does not declare'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l prune-quotas -d 'Also remove the cluster\'s client quotas that the spec does not set (every entity\'s)'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -s y -l yes -d 'Apply without asking (required when not on a terminal)'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l dry-run -d 'Show the plan and stop (the same as `evctl plan`)'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l server-validate -d 'Ask the broker to validate every change (validate_only) before applying any. Some brokers ignore validate_only and apply the change anyway (tansu creates the topic)'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l no-wait -d 'Start replication-factor changes and return without waiting for them to complete'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand apply" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand export" -l prefix -d 'Only topics whose names start with this prefix (repeatable)' -r
complete -c evctl -n "__fish_evctl_using_subcommand export" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand export" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand export" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand export" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand export" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand export" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand export" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand export" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand export" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand export" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand export" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand export" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand export" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand export" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand export" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand export" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand export" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand export" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand export" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand export" -l include-protected -d 'Include protected topics (`__*`, `_schemas`, `_connect-*`, `*-changelog`, `_confluent*`)'
complete -c evctl -n "__fish_evctl_using_subcommand export" -l no-acls -d 'Leave the cluster\'s ACLs out (they are written per principal, roles recognised)'
complete -c evctl -n "__fish_evctl_using_subcommand export" -l no-quotas -d 'Leave the cluster\'s client quotas out'
complete -c evctl -n "__fish_evctl_using_subcommand export" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand export" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand export" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand export" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand export" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand export" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -s f -l file -d 'More spec files, merged in order after the positional ones (-f base.yaml -f prod.yaml)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l prune -d 'Also delete managed topics the spec does not list (never protected or internal ones)'
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l prune-configs -d 'Also remove topic overrides (DYNAMIC_TOPIC_CONFIG) of keys the spec does not set'
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l prune-acls -d 'Also delete ACLs of managed principals (`managed.principals` and those the spec declares ACLs for) that the spec does not declare'
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l prune-quotas -d 'Also remove the cluster\'s client quotas that the spec does not set (every entity\'s)'
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand orphans" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -s f -l file -d 'Read records from this file instead of stdin (`-` is stdin)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l format -d 'Input format: one value per line, or JSON-lines records as `tail -o json` writes them' -r -f -a "lines\t'One record per line: the line is the value (or KEY<sep>VALUE with --key-separator)'
json\t'One JSON-lines record per line, as `evctl tail -o json` writes them'"
complete -c evctl -n "__fish_evctl_using_subcommand publish" -s k -l key -d 'Key of every record that has none of its own' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l key-separator -d 'Lines format: split each line at the first SEP into key and value (`\\t` for a tab)' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -s H -l header -d 'Header NAME=VALUE, repeatable; duplicates and order are kept; NAME alone is a null value' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -s p -l partition -d 'Partition for every record (default: murmur2 of the key, round-robin without a key; the recorded partition for --format json)' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l timestamp -d 'Timestamp of every record: RFC 3339, a date, or epoch milliseconds [default: now]' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l cloudevents -d 'Write each payload as a CloudEvent (Kafka protocol binding)' -r -f -a "binary\t'Attributes in `ce_` headers, the payload as the value'
structured\t'The whole event as a JSON value (application/cloudevents+json)'"
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l type -d 'Event type for --envelope / --cloudevents, like order.created.v1' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l source -d 'Event source (service name) for --envelope / --cloudevents' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l tenant -d 'Tenant id (metadata.tenant_id) for --envelope / --cloudevents' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l rate -d 'Publish at most this many records per second (e.g. 500 or 500/s)' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -s z -l compression -d 'Compression of record batches' -r -f -a "none\t'No compression'
gzip\t'gzip (deflate with a gzip header)'
snappy\t'Snappy (raw blocks; the xerial framing of the Java client is read too)'
lz4\t'LZ4 frames with independent blocks'
zstd\t'Zstandard'"
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l acks -d 'Replicas that must have a record before it counts as written' -r -f -a "all\t'Every in-sync replica (`-1`); required for idempotence'
1\t'The leader only'
0\t'No answer at all: fire and forget, no delivery report, no offsets'"
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l linger -d 'How long a batch waits for more records' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l batch-size -d 'Maximum uncompressed size of a batch' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l value-schema -d 'Encode each value with this schema: a file (.avsc, .proto, .json), id:N, or subject:S[:VERSION|latest]' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l key-schema -d 'Encode each key with this schema (as --value-schema)' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l value-message -d 'The Protobuf message of --value-schema (full name; default: its first message)' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l key-message -d 'The Protobuf message of --key-schema' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l subject-strategy -d 'The subject a schema file is registered under: <topic>-value, the record\'s name, or both' -r -f -a "topic\t'`<topic>-value` / `<topic>-key` (Confluent\'s TopicNameStrategy)'
record\t'The record\'s full name (RecordNameStrategy)'
topic-record\t'`<topic>-<record full name>` (TopicRecordNameStrategy)'"
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l field -d 'Redis: send each value as this one field (needed for line values; JSON-object values otherwise become one field per member)' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l key-field -d 'Redis: send the key as this field, first' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l maxlen -d 'Redis: trim the stream to N entries on each XADD (`~N` trims approximately, cheaper)' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l minid -d 'Redis: trim entries with ids below ID on each XADD (`~ID` approximately)' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l routing-key -d 'RabbitMQ: the routing key of every message (the target is then an exchange); without it a record\'s key is the routing key, or the target is a queue' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand publish" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l ignore-partition -d '--format json: ignore the recorded partitions and let the partitioner choose'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l null-value -d 'Publish tombstones (null values): with --key, one tombstone for that key; otherwise each input line is the key of one'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l envelope -d 'Wrap each JSON payload in the standard event envelope (id, type, occurred_at, source, correlation_id, trace_id, payload, metadata) and add a W3C traceparent header'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l skip-invalid -d 'Skip input lines that cannot be parsed (counted and reported) instead of stopping'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l no-idempotence -d 'Do not use an idempotent producer even when the broker supports one'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l no-register -d 'Do not register schema files: they must be registered under their subject already'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l schema-id-header -d 'Name the schema in a __value_schema_id / __key_schema_id header (GUID) instead of a prefix'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l keep-ids -d 'Redis: add JSON-lines records with their recorded `id` (ids must increase) instead of new ids'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand publish" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l pattern -d 'Read every topic whose name matches this regular expression (internal topics only when named)' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l from -d 'Where to start in each partition (see below); may be a range FROM:TO' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l to -d 'Where to stop in each partition, exclusive (see below)' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -s n -l max -d 'Stop after printing this many records (in all, after filters)' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -s p -l partitions -d 'Only these partitions: a list like 0,2,5 or 0-3' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -s g -l group -d 'Consumer group to commit progress to (every 5s and at exit, including Ctrl-C); also where to start when --from is not given' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -s k -l key -d 'Only records with this key; `*` and `?` are wildcards; repeat for any of several' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l header -d 'Only records with this header: NAME, or NAME=VALUE (wildcards allowed); repeat for all of several' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l grep -d 'Only records whose value matches this regular expression' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l where -d 'Only records for which this jq expression over the JSON value is true; $key, $topic, $partition, $offset, $timestamp and $headers are set' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l format -d 'Print each record with this template: {topic} {partition} {offset} {timestamp} {timestamp_ms} {key} {value} {headers} {header.NAME}, modifiers :hex :base64 :json; \\n \\t' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l avro-json -d 'How Avro unions print: the branch\'s value (plain) or {"type": value} (avro, the Avro spec\'s JSON)' -r -f -a "plain\t'The branch\'s value alone (`"a"`, `5`)'
avro\t'The Avro specification\'s JSON encoding: `{"string": "a"}`'"
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l consumer -d 'Redis: the consumer name within --group (reads with XREADGROUP, acknowledges what it printed) [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l value-field -d 'Redis: the value is this field of each entry (the other fields become headers), not the whole entry as a JSON object' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l key-field -d 'Redis: the key is this field of each entry' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l peek -d 'RabbitMQ: show the first N messages of a classic or quorum queue and leave them there (reading is a delivery: they come back marked redelivered)' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l tap -d 'RabbitMQ: read an exchange\'s live traffic through an exclusive server-named queue bound with BINDING (default #); the queue goes when the tail ends' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand tail" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand tail" -s e -l exit-at-end -d 'Stop at the end offsets taken when the command starts (gaps from compaction and transaction markers are fine)'
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l read-uncommitted -d 'Read records of open and aborted transactions too'
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l no-decode -d 'Show registry-framed keys and values as they are, even with a registry configured'
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l consume -d 'RabbitMQ: consume the queue, acknowledging each message once printed (removes them)'
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand tail" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand tail" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand tail" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand tail" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l group-pattern -d 'Only groups whose name matches this regular expression' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l topic -d 'Only this topic\'s partitions' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l watch -d 'Refresh every INTERVAL (default 5s) with Burrow\'s statuses, the consume rate and an ETA' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l window -d 'Samples kept per partition for the statuses and rates' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l max-wait -d 'With --until-caught-up: give up (exit 3) after this long' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l max-lag -d 'Exit 3 when a group\'s total lag is above N records' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l max-time-lag -d 'Exit 3 when a group\'s time lag is above this (e.g. 5m)' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l spec -d 'Take each group\'s max_lag / max_time_lag from a topics.yaml `consumers` section (flags win)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l prefix -d 'BullMQ: the key prefix of the queues (a hash-tagged one like {bull} on a Redis Cluster)' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l rabbit-api -d 'RabbitMQ: the management API (http://HOST:15672) for every queue\'s rates, consumers and head message age; without it only named queues, from their depth' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand lag" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l no-time-lag -d 'Skip reading record timestamps (no time lag; fewer requests)'
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l until-caught-up -d 'Poll until every selected group\'s lag is zero (or within --max-lag), then exit 0'
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l nagios -d 'Print one monitoring-plugin line and exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand lag" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand lag" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand lag" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand lag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand lag" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "list" -d 'List the consumer groups: type (classic, consumer, share), state, protocol, members, coordinator'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "describe" -d 'A group\'s members and their assignments, and its committed offsets with their lag'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "reset" -d 'Move a group\'s committed offsets: a plan first, --execute to apply (the group must have no members)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "delete" -d 'Delete groups and their committed offsets (groups without members only)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "delete-offsets" -d 'Delete a group\'s committed offsets of some topics or partitions'
complete -c evctl -n "__fish_evctl_using_subcommand group; and not __fish_seen_subcommand_from list describe reset delete delete-offsets help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l pattern -d 'Only groups whose name matches this regular expression' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l type -d 'Only groups of this type' -r -f -a "classic\t''
consumer\t''
share\t''
streams\t''"
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l topic -d 'A topic to reset, all its partitions or the ones listed (TOPIC:0,1,2); repeatable' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l to-offset -d 'To this offset in every partition' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l shift-by -d 'The committed offset plus N (negative: back)' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l to-time -l to-datetime -d 'To the first record at or after a time: @2025-01-01T00:00:00Z (no zone: UTC), @-1h, epoch ms' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l from-file -d 'To the offsets of a CSV plan (kafka-consumer-groups --export, an undo file)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l to-group -d 'To another group\'s committed offsets' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l export -d 'Write the plan as kafka-consumer-groups\' CSV (topic,partition,offset) to FILE, or stdout' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l undo-file -d 'Where to save the prior offsets before executing [default: in the state directory]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l all-topics -d 'Every partition the group has committed'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l to-earliest -d 'To the log start offset'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l to-latest -d 'To the log end offset (skip everything not read yet)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l to-current -d 'To the committed offset (the log end where there is none)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l execute -d 'Commit the new offsets (after asking on a terminal)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -s y -l yes -d 'Do not ask before executing'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l detailed-exitcode -d 'Exit 3 when the plan changes something (0 when nothing would change)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l dry-run -d 'Show what would be deleted; delete nothing'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l topic -d 'A topic whose offsets to delete, all its partitions or the ones listed (TOPIC:0,1); repeatable' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l dry-run -d 'Show what would be deleted; delete nothing'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s y -l yes -d 'Do not ask for confirmation'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from delete-offsets" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the consumer groups: type (classic, consumer, share), state, protocol, members, coordinator'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "describe" -d 'A group\'s members and their assignments, and its committed offsets with their lag'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Move a group\'s committed offsets: a plan first, --execute to apply (the group must have no members)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete groups and their committed offsets (groups without members only)'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "delete-offsets" -d 'Delete a group\'s committed offsets of some topics or partitions'
complete -c evctl -n "__fish_evctl_using_subcommand group; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -f -a "inspect" -d 'Count dead letters by error class, original topic and time; first and last seen; a sample'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -f -a "replay" -d 'Send dead letters back to their original topic (or --to), resumable through a group'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -f -a "drain" -d 'Move a group past matching dead letters without producing them (acknowledge as handled)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -f -a "purge" -d 'Delete a dead-letter topic\'s records before an offset or a time (DeleteRecords)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and not __fish_seen_subcommand_from inspect replay drain purge help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l bucket -d 'Time bucket for grouping' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l spec -d 'topics.yaml files whose `dialects` section names custom dead-letter headers' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -s g -l group -d 'Redis: the consumer group whose pending entries to show' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l min-deliveries -d 'Redis: entries delivered at least N times are poison [default: 3]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l prefix -d 'BullMQ: the key prefix of the queues (a hash-tagged one like {bull} on a Redis Cluster)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l read-max -d 'RabbitMQ: read at most this many messages (they are not acknowledged: all go back)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l to -d 'Send every record here instead of its original topic' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s g -l group -d 'Consumer group that records progress [default: evctl-dlq-replay.<TOPIC>]. A group named here must exist (a typo would replay the whole DLQ again), unless --new-group' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l since -d 'Only records dead-lettered at or after this time (RFC 3339, a date, epoch ms, or -1h)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l until -d 'Only records dead-lettered before this time' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l error-class -d 'Only records whose error class matches this regular expression' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l original-topic -d 'Only records from this original topic' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s k -l key -d 'Only records with this key (`*`, `?` wildcards; repeat for any of several)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l header -d 'Only records with this header: NAME or NAME=VALUE (repeat for all of several)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l where -d 'Only records for which this jq expression over the JSON value is true (as in tail)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l spec -d 'topics.yaml files whose `dialects` section names custom dead-letter headers' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l min-deliveries -d 'Redis: only entries delivered at least N times (the poison list) [default: 3]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l min-idle -d 'Redis: only entries idle at least this long' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l claim-to -d 'Redis (replay): reassign the selected entries to this consumer (XCLAIM) instead of moving them' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l prefix -d 'BullMQ: the key prefix of the queues (a hash-tagged one like {bull} on a Redis Cluster)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l reason -d 'BullMQ: only jobs whose failedReason matches this regular expression' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l id -d 'BullMQ: only this job (repeat for several); each must be in the state' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l state -d 'BullMQ (replay --to): the state the parked jobs are in [default: waiting]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l to-exchange -d 'RabbitMQ (replay): publish to this exchange instead of the one x-death names (\'\' is the default exchange)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l routing-key -d 'RabbitMQ (replay): with this routing key instead of the original ones' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l prefetch -d 'RabbitMQ: unacknowledged messages at most, the most a crash can deliver twice' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l partition-policy -d 'Partition in the destination' -r -f -a "same\t'The original partition (from the headers, else the DLQ record\'s own)'
by-key\t'The Java client\'s murmur2 partition of the key (keyless records round-robin)'
any\t'Round-robin, whatever the key'"
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l max-replays -d 'Records replayed more often than this (evctl-replay-count header) go to the parking topic' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l parking-topic -d 'Where records over --max-replays go [default: <TOPIC>.parked]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l rate -d 'At most this many records per second' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s n -l max -d 'Stop after this many records' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l batch-size -d 'Producer batch size; at most 5 batches are in flight, which bounds what a crash can repeat' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l new-group -d 'Let --group name a group the cluster does not have yet: it starts at the DLQ\'s start'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s y -l yes -d 'Replay without showing the routing table and asking first (needed off a terminal)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l from-dlq -d 'Redis (replay): send the dead-letter stream\'s entries back to their original stream'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l reset-attempts -d 'BullMQ (replay): clear attemptsMade and attemptsStarted, as Job.retry\'s resetAttemptsMade'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l strip-error-headers -d 'Remove the dead-letter headers (error context, original-* fields) from replayed records'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l dry-run -d 'Show the routing table and counts; produce and commit nothing'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from replay" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s g -l group -d 'The consumer group to move forward (Kafka, Redis streams); it must exist, unless --new-group' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l since -d 'Only records dead-lettered at or after this time (RFC 3339, a date, epoch ms, or -1h)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l until -d 'Only records dead-lettered before this time' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l error-class -d 'Only records whose error class matches this regular expression' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l original-topic -d 'Only records from this original topic' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s k -l key -d 'Only records with this key (`*`, `?` wildcards; repeat for any of several)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l header -d 'Only records with this header: NAME or NAME=VALUE (repeat for all of several)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l where -d 'Only records for which this jq expression over the JSON value is true (as in tail)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l spec -d 'topics.yaml files whose `dialects` section names custom dead-letter headers' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l min-deliveries -d 'Redis: only entries delivered at least N times (the poison list) [default: 3]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l min-idle -d 'Redis: only entries idle at least this long' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l claim-to -d 'Redis (replay): reassign the selected entries to this consumer (XCLAIM) instead of moving them' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l prefix -d 'BullMQ: the key prefix of the queues (a hash-tagged one like {bull} on a Redis Cluster)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l reason -d 'BullMQ: only jobs whose failedReason matches this regular expression' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l id -d 'BullMQ: only this job (repeat for several); each must be in the state' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l state -d 'BullMQ (replay --to): the state the parked jobs are in [default: waiting]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l to-exchange -d 'RabbitMQ (replay): publish to this exchange instead of the one x-death names (\'\' is the default exchange)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l routing-key -d 'RabbitMQ (replay): with this routing key instead of the original ones' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l prefetch -d 'RabbitMQ: unacknowledged messages at most, the most a crash can deliver twice' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l new-group -d 'Let --group name a group the cluster does not have yet (it is created at the drain\'s end)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l from-dlq -d 'Redis (replay): send the dead-letter stream\'s entries back to their original stream'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l reset-attempts -d 'BullMQ (replay): clear attemptsMade and attemptsStarted, as Job.retry\'s resetAttemptsMade'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l dry-run -d 'List what would be skipped; commit nothing'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s y -l yes -d 'Do not ask for confirmation'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l before -d 'Kafka: delete the records before this offset (every partition) or this time (@2025-01-01, @-7d). A RabbitMQ queue is purged whole' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s y -l yes -d 'Do not ask for confirmation'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from purge" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Count dead letters by error class, original topic and time; first and last seen; a sample'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "replay" -d 'Send dead letters back to their original topic (or --to), resumable through a group'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "drain" -d 'Move a group past matching dead letters without producing them (acknowledge as handled)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "purge" -d 'Delete a dead-letter topic\'s records before an offset or a time (DeleteRecords)'
complete -c evctl -n "__fish_evctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l maxlen -d 'Keep the newest N entries' -r
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l minid -d 'Delete the entries with ids below ID' -r
complete -c evctl -n "__fish_evctl_using_subcommand trim" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand trim" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l dry-run -d 'Show what would be deleted and whether it is safe; delete nothing'
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l force -d 'Trim even entries some group has not read or still has pending'
complete -c evctl -n "__fish_evctl_using_subcommand trim" -s y -l yes -d 'Do not ask for confirmation'
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand trim" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand trim" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand trim" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand trim" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand trim" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l prefix -d 'BullMQ: the key prefix of the queues (a hash-tagged one like {bull} on a Redis Cluster)' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -f -a "stats" -d 'Counts per state (as getJobCounts), paused, the oldest waiting job\'s age and the version'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -f -a "list" -d 'Jobs of one state, newest first, with filters'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -f -a "show" -d 'One job: name, data, decoded options, attempts, failure, stacktrace, logs, parent'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -f -a "promote" -d 'Delayed jobs to waiting now (Job.promote)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -f -a "pause" -d 'Pause a queue (Queue.pause): workers take no new jobs'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -f -a "resume" -d 'Resume a paused queue (Queue.resume)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and not __fish_seen_subcommand_from stats list show promote pause resume help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l watch -d 'Refresh every INTERVAL (default 5s) until Ctrl-C' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l state -d 'waiting, active, paused, delayed, prioritized, waiting-children, completed or failed' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l name -d 'Only jobs with this name (`*`, `?` wildcards; repeat for any of several)' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l reason -d 'Only jobs whose failedReason matches this regular expression' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l since -d 'Only jobs finished (or, unfinished, added) at or after this time (RFC 3339, epoch ms, -1h)' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l until -d 'Only jobs finished (or added) before this time' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -s n -l max -d 'At most this many' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l all -d 'Promote every delayed job'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from promote" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -s b -l brokers -d 'Bootstrap brokers, host:port, comma-separated or repeated' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l context -d 'Context of the config file to use instead of its current_context' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l config -d 'Config file [default: ~/.config/evctl/config.yaml]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l timeout -d 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l client-id -d 'Client id sent to the brokers [default: evctl]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l tls-ca -d 'PEM file of the CA certificates that sign the brokers\' certificates [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l tls-cert -d 'PEM client certificate (chain) for mutual TLS' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l tls-key -d 'PEM private key of the client certificate' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l tls-server-name -d 'Name to send as SNI and to verify the certificate against [default: the broker\'s host]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l sasl-username -d 'SASL username' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l sasl-password-file -d 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l color -d 'When to use colours (NO_COLOR is honoured in auto)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t'Always colour, even into a pipe (NO_COLOR is ignored)'
never\t'Never colour'"
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l tls -d 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l no-tls -d 'Connect in plain text even if the context enables TLS'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -l tls-insecure -d 'Do not verify broker certificates. Only for throwaway test clusters'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only data and errors (no status lines)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from resume" -s V -l version -d 'Print version'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Counts per state (as getJobCounts), paused, the oldest waiting job\'s age and the version'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "list" -d 'Jobs of one state, newest first, with filters'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "show" -d 'One job: name, data, decoded options, attempts, failure, stacktrace, logs, parent'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "promote" -d 'Delayed jobs to waiting now (Job.promote)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause a queue (Queue.pause): workers take no new jobs'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Resume a paused queue (Queue.resume)'
complete -c evctl -n "__fish_evctl_using_subcommand jobs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand completion" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand completion" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
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
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l registry -d 'Schema registry URL [default: the context\'s schema_registry.url]' -r
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l registry-user -d 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)' -r
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l registry-password-file -d 'File holding the registry password' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l registry-token-file -d 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -l registry-ca -d 'PEM file of the CA that signs the registry\'s certificate [default: system roots]' -r -F
complete -c evctl -n "__fish_evctl_using_subcommand generate-docs" -s o -l output -d 'Output format of data on stdout' -r -f -a "table\t'Human-readable tables'
wide\t'Tables with nothing cut to fit the terminal (long names, ids and addresses in full)'
json\t'JSON (one document; streaming commands write JSON lines)'
yaml\t'YAML'
pretty\t'Records as people read them (`tail`; other commands print tables)'
raw\t'Record values only, as bytes (`tail`)'
prometheus\t'The Prometheus text exposition format (`lag`)'"
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
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "cluster" -d 'Show the cluster: id, controller, brokers, topic and partition counts, API versions'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "config" -d 'Manage connection contexts in the config file'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "schema" -d 'Check schema compatibility (the CI gate), and read or register schemas in a registry'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "validate" -d 'Check spec files (topics.yaml) offline: every problem with its file:line:col'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "plan" -d 'Show what `evctl apply` would change in the cluster, without changing anything'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "apply" -d 'Make the cluster\'s topics match the spec (after showing the plan and asking)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "export" -d 'Write the cluster\'s topics as a topics.yaml spec'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "orphans" -d 'List topics in the cluster that the spec does not list'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "publish" -d 'Publish records: a value, lines or JSON-lines records from stdin or a file'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "tail" -d 'Read records: follow a topic, or dump a range and exit; filters and formats'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "lag" -d 'Consumer lag: offsets and time behind, health, thresholds, watch until caught up'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "group" -d 'Consumer groups: list, describe, reset offsets (plan first), delete'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "dlq" -d 'Dead-letter topics: inspect, replay without loss, drain, purge'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "trim" -d 'Trim a Redis stream, refusing to delete entries a group has not read (or --force)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "jobs" -d 'BullMQ queues in Redis: counts, jobs, promote, pause and resume'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "completion" -d 'Print a shell completion script'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "generate-docs" -d 'Regenerate completions/ and man/ from the command definitions (for maintainers)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and not __fish_seen_subcommand_from cluster config schema validate plan apply export orphans publish tail lag group dlq trim jobs completion generate-docs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'List the contexts of the config file'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "current" -d 'Print the name of the context in use'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "use" -d 'Make a context the current one (rewrites only the current_context line of the file)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show the settings in effect and where each comes from (secrets masked), or one context\'s'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of the config file'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set-context" -d 'Create a context, or change the settings given in an existing one (the rest of the file, comments included, stays as it is). Takes the connection flags (-b, --tls-ca, --sasl-mechanism, ...) and secret references; never a secret itself'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "delete-context" -d 'Remove a context (and current_context, when it names it)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "rename-context" -d 'Rename a context (and current_context with it)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "check" -d 'Check that a new schema is compatible with earlier versions (files, a directory, a git ref or a registry)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "get" -d 'Print a schema version from the registry'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "list" -d 'List the registry\'s subjects, or one subject\'s versions'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "register" -d 'Register a schema under a subject (exit 3 when the registry finds it incompatible)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "list" -d 'List the consumer groups: type (classic, consumer, share), state, protocol, members, coordinator'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "describe" -d 'A group\'s members and their assignments, and its committed offsets with their lag'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "reset" -d 'Move a group\'s committed offsets: a plan first, --execute to apply (the group must have no members)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "delete" -d 'Delete groups and their committed offsets (groups without members only)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from group" -f -a "delete-offsets" -d 'Delete a group\'s committed offsets of some topics or partitions'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "inspect" -d 'Count dead letters by error class, original topic and time; first and last seen; a sample'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "replay" -d 'Send dead letters back to their original topic (or --to), resumable through a group'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "drain" -d 'Move a group past matching dead letters without producing them (acknowledge as handled)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "purge" -d 'Delete a dead-letter topic\'s records before an offset or a time (DeleteRecords)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "stats" -d 'Counts per state (as getJobCounts), paused, the oldest waiting job\'s age and the version'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "list" -d 'Jobs of one state, newest first, with filters'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "show" -d 'One job: name, data, decoded options, attempts, failure, stacktrace, logs, parent'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "promote" -d 'Delayed jobs to waiting now (Job.promote)'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "pause" -d 'Pause a queue (Queue.pause): workers take no new jobs'
complete -c evctl -n "__fish_evctl_using_subcommand help; and __fish_seen_subcommand_from jobs" -f -a "resume" -d 'Resume a paused queue (Queue.resume)'
