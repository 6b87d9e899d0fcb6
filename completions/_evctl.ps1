
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'evctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'evctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'evctl' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Show the cluster: id, controller, brokers, topic and partition counts, API versions')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Manage connection contexts in the config file')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Check schema compatibility (the CI gate), and read or register schemas in a registry')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check spec files (topics.yaml) offline: every problem with its file:line:col')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `evctl apply` would change in the cluster, without changing anything')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the cluster''s topics match the spec (after showing the plan and asking)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the cluster''s topics as a topics.yaml spec')
            [CompletionResult]::new('orphans', 'orphans', [CompletionResultType]::ParameterValue, 'List topics in the cluster that the spec does not list')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Publish records: a value, lines or JSON-lines records from stdin or a file')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Read records: follow a topic, or dump a range and exit; filters and formats')
            [CompletionResult]::new('lag', 'lag', [CompletionResultType]::ParameterValue, 'Consumer lag: offsets and time behind, health, thresholds, watch until caught up')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'Dead-letter topics: inspect, replay without loss, drain, purge')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ from the command definitions (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evctl;cluster' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--api-versions', '--api-versions', [CompletionResultType]::ParameterName, 'Also list the API versions each broker supports, marking the ones evctl needs that are missing')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;config' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the contexts of the config file')
            [CompletionResult]::new('current', 'current', [CompletionResultType]::ParameterValue, 'Print the name of the context in use')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a context the current one (rewrites only the current_context line of the file)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the settings in effect and where each comes from (secrets masked), or one context''s')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file')
            [CompletionResult]::new('set-context', 'set-context', [CompletionResultType]::ParameterValue, 'Create a context, or change the settings given in an existing one (the rest of the file, comments included, stays as it is). Takes the connection flags (-b, --tls-ca, --sasl-mechanism, ...) and secret references; never a secret itself')
            [CompletionResult]::new('delete-context', 'delete-context', [CompletionResultType]::ParameterValue, 'Remove a context (and current_context, when it names it)')
            [CompletionResult]::new('rename-context', 'rename-context', [CompletionResultType]::ParameterValue, 'Rename a context (and current_context with it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evctl;config;list' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;config;current' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;config;use' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;config;show' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;config;path' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;config;set-context' {
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'The environment variable that holds the SASL password (written as password_env)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'The file that holds the SASL password (written as password_file)')
            [CompletionResult]::new('--registry-url', '--registry-url', [CompletionResultType]::ParameterName, 'Schema registry URL')
            [CompletionResult]::new('--registry-username', '--registry-username', [CompletionResultType]::ParameterName, 'Schema registry basic-auth user')
            [CompletionResult]::new('--registry-password-env', '--registry-password-env', [CompletionResultType]::ParameterName, 'The environment variable that holds the registry password')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'The file that holds the registry password')
            [CompletionResult]::new('--registry-token-env', '--registry-token-env', [CompletionResultType]::ParameterName, 'The environment variable that holds a registry bearer token')
            [CompletionResult]::new('--registry-token-file', '--registry-token-file', [CompletionResultType]::ParameterName, 'The file that holds a registry bearer token')
            [CompletionResult]::new('--registry-ca', '--registry-ca', [CompletionResultType]::ParameterName, 'The CA that signed the registry''s certificate')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--use', '--use', [CompletionResultType]::ParameterName, 'Also make it the current context')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;config;delete-context' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;config;rename-context' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;config;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the contexts of the config file')
            [CompletionResult]::new('current', 'current', [CompletionResultType]::ParameterValue, 'Print the name of the context in use')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a context the current one (rewrites only the current_context line of the file)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the settings in effect and where each comes from (secrets masked), or one context''s')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file')
            [CompletionResult]::new('set-context', 'set-context', [CompletionResultType]::ParameterValue, 'Create a context, or change the settings given in an existing one (the rest of the file, comments included, stays as it is). Takes the connection flags (-b, --tls-ca, --sasl-mechanism, ...) and secret references; never a secret itself')
            [CompletionResult]::new('delete-context', 'delete-context', [CompletionResultType]::ParameterValue, 'Remove a context (and current_context, when it names it)')
            [CompletionResult]::new('rename-context', 'rename-context', [CompletionResultType]::ParameterValue, 'Rename a context (and current_context with it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evctl;config;help;list' {
            break
        }
        'evctl;config;help;current' {
            break
        }
        'evctl;config;help;use' {
            break
        }
        'evctl;config;help;show' {
            break
        }
        'evctl;config;help;path' {
            break
        }
        'evctl;config;help;set-context' {
            break
        }
        'evctl;config;help;delete-context' {
            break
        }
        'evctl;config;help;rename-context' {
            break
        }
        'evctl;config;help;help' {
            break
        }
        'evctl;schema' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that a new schema is compatible with earlier versions (files, a directory, a git ref or a registry)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a schema version from the registry')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registry''s subjects, or one subject''s versions')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema under a subject (exit 3 when the registry finds it incompatible)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evctl;schema;check' {
            [CompletionResult]::new('--against', '--against', [CompletionResultType]::ParameterName, 'Earlier versions, oldest first')
            [CompletionResult]::new('--against-git', '--against-git', [CompletionResultType]::ParameterName, 'Compare with the same path at this git ref (e.g. origin/main)')
            [CompletionResult]::new('--against-dir', '--against-dir', [CompletionResultType]::ParameterName, 'A directory holding the earlier versions; file names sort into version order (v1, v2, ..., v10)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Schema format [default: from the file extension: .avsc, .json, .proto]')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Compatibility mode [default: BACKWARD; with --registry and no --mode, the subject''s level, checked by the registry]')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'JSON Schema policy: strict (Confluent''s default) or lenient')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'A referenced schema: NAME=FILE (Avro full type name, Protobuf import path, JSON $ref file)')
            [CompletionResult]::new('-I', '-I ', [CompletionResultType]::ParameterName, 'Directory to search for Protobuf imports (besides the schema''s own directory)')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Directory to search for Protobuf imports (besides the schema''s own directory)')
            [CompletionResult]::new('--spec', '--spec', [CompletionResultType]::ParameterName, 'Check every schema of a topics.yaml `schemas:` section that changed, each under its own mode')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Registry subject to check against (with --registry)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report format')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry URL [default: the context''s schema_registry.url]')
            [CompletionResult]::new('--registry-user', '--registry-user', [CompletionResultType]::ParameterName, 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'File holding the registry password')
            [CompletionResult]::new('--registry-token-file', '--registry-token-file', [CompletionResultType]::ParameterName, 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)')
            [CompletionResult]::new('--registry-ca', '--registry-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the registry''s certificate [default: system roots]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--all-versions', '--all-versions', [CompletionResultType]::ParameterName, 'With a transitive mode, report every failing version instead of stopping at the first')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;schema;get' {
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'The subject')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Version number or `latest`')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry URL [default: the context''s schema_registry.url]')
            [CompletionResult]::new('--registry-user', '--registry-user', [CompletionResultType]::ParameterName, 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'File holding the registry password')
            [CompletionResult]::new('--registry-token-file', '--registry-token-file', [CompletionResultType]::ParameterName, 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)')
            [CompletionResult]::new('--registry-ca', '--registry-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the registry''s certificate [default: system roots]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'evctl;schema;list' {
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'List this subject''s versions instead of the subjects')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry URL [default: the context''s schema_registry.url]')
            [CompletionResult]::new('--registry-user', '--registry-user', [CompletionResultType]::ParameterName, 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'File holding the registry password')
            [CompletionResult]::new('--registry-token-file', '--registry-token-file', [CompletionResultType]::ParameterName, 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)')
            [CompletionResult]::new('--registry-ca', '--registry-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the registry''s certificate [default: system roots]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;schema;register' {
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'The subject to register under')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Schema format [default: from the file extension]')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'A reference to a registered schema: NAME=SUBJECT:VERSION')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry URL [default: the context''s schema_registry.url]')
            [CompletionResult]::new('--registry-user', '--registry-user', [CompletionResultType]::ParameterName, 'Registry username for basic auth (password from EVCTL_REGISTRY_PASSWORD or --registry-password-file)')
            [CompletionResult]::new('--registry-password-file', '--registry-password-file', [CompletionResultType]::ParameterName, 'File holding the registry password')
            [CompletionResult]::new('--registry-token-file', '--registry-token-file', [CompletionResultType]::ParameterName, 'File holding a bearer token (or set EVCTL_REGISTRY_TOKEN)')
            [CompletionResult]::new('--registry-ca', '--registry-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA that signs the registry''s certificate [default: system roots]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;schema;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that a new schema is compatible with earlier versions (files, a directory, a git ref or a registry)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a schema version from the registry')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registry''s subjects, or one subject''s versions')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema under a subject (exit 3 when the registry finds it incompatible)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evctl;schema;help;check' {
            break
        }
        'evctl;schema;help;get' {
            break
        }
        'evctl;schema;help;list' {
            break
        }
        'evctl;schema;help;register' {
            break
        }
        'evctl;schema;help;help' {
            break
        }
        'evctl;validate' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'A spec file; repeat to merge several in order (the same as giving them as arguments)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A spec file; repeat to merge several in order (the same as giving them as arguments)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;plan' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'More spec files, merged in order after the positional ones (-f base.yaml -f prod.yaml)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'More spec files, merged in order after the positional ones (-f base.yaml -f prod.yaml)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also delete managed topics the spec does not list (never protected or internal ones)')
            [CompletionResult]::new('--prune-configs', '--prune-configs', [CompletionResultType]::ParameterName, 'Also remove topic overrides (DYNAMIC_TOPIC_CONFIG) of keys the spec does not set')
            [CompletionResult]::new('--detailed-exitcode', '--detailed-exitcode', [CompletionResultType]::ParameterName, 'Exit 3 when changes are pending (a drift gate for CI)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'More spec files, merged in order after the positional ones (-f base.yaml -f prod.yaml)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'More spec files, merged in order after the positional ones (-f base.yaml -f prod.yaml)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also delete managed topics the spec does not list (never protected or internal ones)')
            [CompletionResult]::new('--prune-configs', '--prune-configs', [CompletionResultType]::ParameterName, 'Also remove topic overrides (DYNAMIC_TOPIC_CONFIG) of keys the spec does not set')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (required when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (required when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and stop (the same as `evctl plan`)')
            [CompletionResult]::new('--server-validate', '--server-validate', [CompletionResultType]::ParameterName, 'Ask the broker to validate every change (validate_only) before applying any. Some brokers ignore validate_only and apply the change anyway (tansu creates the topic)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;export' {
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Only topics whose names start with this prefix (repeatable)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--include-protected', '--include-protected', [CompletionResultType]::ParameterName, 'Include protected topics (`__*`, `_schemas`, `_connect-*`, `*-changelog`, `_confluent*`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;orphans' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'More spec files, merged in order after the positional ones (-f base.yaml -f prod.yaml)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'More spec files, merged in order after the positional ones (-f base.yaml -f prod.yaml)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also delete managed topics the spec does not list (never protected or internal ones)')
            [CompletionResult]::new('--prune-configs', '--prune-configs', [CompletionResultType]::ParameterName, 'Also remove topic overrides (DYNAMIC_TOPIC_CONFIG) of keys the spec does not set')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;publish' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read records from this file instead of stdin (`-` is stdin)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read records from this file instead of stdin (`-` is stdin)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Input format: one value per line, or JSON-lines records as `tail -o json` writes them')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Key of every record that has none of its own')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Key of every record that has none of its own')
            [CompletionResult]::new('--key-separator', '--key-separator', [CompletionResultType]::ParameterName, 'Lines format: split each line at the first SEP into key and value (`\t` for a tab)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Header NAME=VALUE, repeatable; duplicates and order are kept; NAME alone is a null value')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Header NAME=VALUE, repeatable; duplicates and order are kept; NAME alone is a null value')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Partition for every record (default: murmur2 of the key, round-robin without a key; the recorded partition for --format json)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Partition for every record (default: murmur2 of the key, round-robin without a key; the recorded partition for --format json)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Timestamp of every record: RFC 3339, a date, or epoch milliseconds [default: now]')
            [CompletionResult]::new('--cloudevents', '--cloudevents', [CompletionResultType]::ParameterName, 'Write each payload as a CloudEvent (Kafka protocol binding)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Event type for --envelope / --cloudevents, like order.created.v1')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Event source (service name) for --envelope / --cloudevents')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant id (metadata.tenant_id) for --envelope / --cloudevents')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Publish at most this many records per second (e.g. 500 or 500/s)')
            [CompletionResult]::new('-z', '-z', [CompletionResultType]::ParameterName, 'Compression of record batches')
            [CompletionResult]::new('--compression', '--compression', [CompletionResultType]::ParameterName, 'Compression of record batches')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Replicas that must have a record before it counts as written')
            [CompletionResult]::new('--linger', '--linger', [CompletionResultType]::ParameterName, 'How long a batch waits for more records')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Maximum uncompressed size of a batch')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--ignore-partition', '--ignore-partition', [CompletionResultType]::ParameterName, '--format json: ignore the recorded partitions and let the partitioner choose')
            [CompletionResult]::new('--null-value', '--null-value', [CompletionResultType]::ParameterName, 'Publish tombstones (null values): with --key, one tombstone for that key; otherwise each input line is the key of one')
            [CompletionResult]::new('--envelope', '--envelope', [CompletionResultType]::ParameterName, 'Wrap each JSON payload in the standard event envelope (id, type, occurred_at, source, correlation_id, trace_id, payload, metadata) and add a W3C traceparent header')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Skip input lines that cannot be parsed (counted and reported) instead of stopping')
            [CompletionResult]::new('--no-idempotence', '--no-idempotence', [CompletionResultType]::ParameterName, 'Do not use an idempotent producer even when the broker supports one')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;tail' {
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'Read every topic whose name matches this regular expression (internal topics only when named)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start in each partition (see below); may be a range FROM:TO')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where to stop in each partition, exclusive (see below)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Stop after printing this many records (in all, after filters)')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Stop after printing this many records (in all, after filters)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only these partitions: a list like 0,2,5 or 0-3')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Only these partitions: a list like 0,2,5 or 0-3')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Consumer group to commit progress to (every 5s and at exit, including Ctrl-C); also where to start when --from is not given')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Consumer group to commit progress to (every 5s and at exit, including Ctrl-C); also where to start when --from is not given')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Only records with this key; `*` and `?` are wildcards; repeat for any of several')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Only records with this key; `*` and `?` are wildcards; repeat for any of several')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Only records with this header: NAME, or NAME=VALUE (wildcards allowed); repeat for all of several')
            [CompletionResult]::new('--grep', '--grep', [CompletionResultType]::ParameterName, 'Only records whose value matches this regular expression')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only records for which this jq expression over the JSON value is true; $key, $topic, $partition, $offset, $timestamp and $headers are set')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Print each record with this template: {topic} {partition} {offset} {timestamp} {timestamp_ms} {key} {value} {headers} {header.NAME}, modifiers :hex :base64 :json; \n \t')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Stop at the end offsets taken when the command starts (gaps from compaction and transaction markers are fine)')
            [CompletionResult]::new('--exit-at-end', '--exit-at-end', [CompletionResultType]::ParameterName, 'Stop at the end offsets taken when the command starts (gaps from compaction and transaction markers are fine)')
            [CompletionResult]::new('--read-uncommitted', '--read-uncommitted', [CompletionResultType]::ParameterName, 'Read records of open and aborted transactions too')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;lag' {
            [CompletionResult]::new('--group-pattern', '--group-pattern', [CompletionResultType]::ParameterName, 'Only groups whose name matches this regular expression')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only this topic''s partitions')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Refresh every INTERVAL (default 5s) with Burrow''s statuses, the consume rate and an ETA')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'Samples kept per partition for the statuses and rates')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'With --until-caught-up: give up (exit 3) after this long')
            [CompletionResult]::new('--max-lag', '--max-lag', [CompletionResultType]::ParameterName, 'Exit 3 when a group''s total lag is above N records')
            [CompletionResult]::new('--max-time-lag', '--max-time-lag', [CompletionResultType]::ParameterName, 'Exit 3 when a group''s time lag is above this (e.g. 5m)')
            [CompletionResult]::new('--spec', '--spec', [CompletionResultType]::ParameterName, 'Take each group''s max_lag / max_time_lag from a topics.yaml `consumers` section (flags win)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--no-time-lag', '--no-time-lag', [CompletionResultType]::ParameterName, 'Skip reading record timestamps (no time lag; fewer requests)')
            [CompletionResult]::new('--until-caught-up', '--until-caught-up', [CompletionResultType]::ParameterName, 'Poll until every selected group''s lag is zero (or within --max-lag), then exit 0')
            [CompletionResult]::new('--nagios', '--nagios', [CompletionResultType]::ParameterName, 'Print one monitoring-plugin line and exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;dlq' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Count dead letters by error class, original topic and time; first and last seen; a sample')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Send dead letters back to their original topic (or --to), resumable through a group')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Move a group past matching dead letters without producing them (acknowledge as handled)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete a dead-letter topic''s records before an offset or a time (DeleteRecords)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evctl;dlq;inspect' {
            [CompletionResult]::new('--bucket', '--bucket', [CompletionResultType]::ParameterName, 'Time bucket for grouping')
            [CompletionResult]::new('--spec', '--spec', [CompletionResultType]::ParameterName, 'topics.yaml files whose `dialects` section names custom dead-letter headers')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;dlq;replay' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Send every record here instead of its original topic')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Consumer group that records progress [default: evctl-dlq-replay.<TOPIC>]. A group named here must exist (a typo would replay the whole DLQ again), unless --new-group')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Consumer group that records progress [default: evctl-dlq-replay.<TOPIC>]. A group named here must exist (a typo would replay the whole DLQ again), unless --new-group')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only records dead-lettered at or after this time (RFC 3339, a date, epoch ms, or -1h)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only records dead-lettered before this time')
            [CompletionResult]::new('--error-class', '--error-class', [CompletionResultType]::ParameterName, 'Only records whose error class matches this regular expression')
            [CompletionResult]::new('--original-topic', '--original-topic', [CompletionResultType]::ParameterName, 'Only records from this original topic')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Only records with this key (`*`, `?` wildcards; repeat for any of several)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Only records with this key (`*`, `?` wildcards; repeat for any of several)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Only records with this header: NAME or NAME=VALUE (repeat for all of several)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only records for which this jq expression over the JSON value is true (as in tail)')
            [CompletionResult]::new('--spec', '--spec', [CompletionResultType]::ParameterName, 'topics.yaml files whose `dialects` section names custom dead-letter headers')
            [CompletionResult]::new('--partition-policy', '--partition-policy', [CompletionResultType]::ParameterName, 'Partition in the destination')
            [CompletionResult]::new('--max-replays', '--max-replays', [CompletionResultType]::ParameterName, 'Records replayed more often than this (evctl-replay-count header) go to the parking topic')
            [CompletionResult]::new('--parking-topic', '--parking-topic', [CompletionResultType]::ParameterName, 'Where records over --max-replays go [default: <TOPIC>.parked]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most this many records per second')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Stop after this many records')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Stop after this many records')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Producer batch size; at most 5 batches are in flight, which bounds what a crash can repeat')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--new-group', '--new-group', [CompletionResultType]::ParameterName, 'Let --group name a group the cluster does not have yet: it starts at the DLQ''s start')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Replay without showing the routing table and asking first (needed off a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Replay without showing the routing table and asking first (needed off a terminal)')
            [CompletionResult]::new('--strip-error-headers', '--strip-error-headers', [CompletionResultType]::ParameterName, 'Remove the dead-letter headers (error context, original-* fields) from replayed records')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the routing table and counts; produce and commit nothing')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;dlq;drain' {
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'The consumer group to move forward; it must exist, unless --new-group')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'The consumer group to move forward; it must exist, unless --new-group')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only records dead-lettered at or after this time (RFC 3339, a date, epoch ms, or -1h)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only records dead-lettered before this time')
            [CompletionResult]::new('--error-class', '--error-class', [CompletionResultType]::ParameterName, 'Only records whose error class matches this regular expression')
            [CompletionResult]::new('--original-topic', '--original-topic', [CompletionResultType]::ParameterName, 'Only records from this original topic')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Only records with this key (`*`, `?` wildcards; repeat for any of several)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Only records with this key (`*`, `?` wildcards; repeat for any of several)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Only records with this header: NAME or NAME=VALUE (repeat for all of several)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Only records for which this jq expression over the JSON value is true (as in tail)')
            [CompletionResult]::new('--spec', '--spec', [CompletionResultType]::ParameterName, 'topics.yaml files whose `dialects` section names custom dead-letter headers')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--new-group', '--new-group', [CompletionResultType]::ParameterName, 'Let --group name a group the cluster does not have yet (it is created at the drain''s end)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be skipped; commit nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;dlq;purge' {
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Delete the records before this offset (every partition) or this time (@2025-01-01, @-7d)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;dlq;help' {
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Count dead letters by error class, original topic and time; first and last seen; a sample')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Send dead letters back to their original topic (or --to), resumable through a group')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Move a group past matching dead letters without producing them (acknowledge as handled)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete a dead-letter topic''s records before an offset or a time (DeleteRecords)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evctl;dlq;help;inspect' {
            break
        }
        'evctl;dlq;help;replay' {
            break
        }
        'evctl;dlq;help;drain' {
            break
        }
        'evctl;dlq;help;purge' {
            break
        }
        'evctl;dlq;help;help' {
            break
        }
        'evctl;completion' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;generate-docs' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, host:port, comma-separated or repeated')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Context of the config file to use instead of its current_context')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/evctl/config.yaml]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'Client id sent to the brokers [default: evctl]')
            [CompletionResult]::new('--tls-ca', '--tls-ca', [CompletionResultType]::ParameterName, 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM client certificate (chain) for mutual TLS')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Name to send as SNI and to verify the certificate against [default: the broker''s host]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL username')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of data on stdout')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)')
            [CompletionResult]::new('--no-tls', '--no-tls', [CompletionResultType]::ParameterName, 'Connect in plain text even if the context enables TLS')
            [CompletionResult]::new('--tls-insecure', '--tls-insecure', [CompletionResultType]::ParameterName, 'Do not verify broker certificates. Only for throwaway test clusters')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors (no status lines)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'evctl;help' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Show the cluster: id, controller, brokers, topic and partition counts, API versions')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Manage connection contexts in the config file')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Check schema compatibility (the CI gate), and read or register schemas in a registry')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check spec files (topics.yaml) offline: every problem with its file:line:col')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `evctl apply` would change in the cluster, without changing anything')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the cluster''s topics match the spec (after showing the plan and asking)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the cluster''s topics as a topics.yaml spec')
            [CompletionResult]::new('orphans', 'orphans', [CompletionResultType]::ParameterValue, 'List topics in the cluster that the spec does not list')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Publish records: a value, lines or JSON-lines records from stdin or a file')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Read records: follow a topic, or dump a range and exit; filters and formats')
            [CompletionResult]::new('lag', 'lag', [CompletionResultType]::ParameterValue, 'Consumer lag: offsets and time behind, health, thresholds, watch until caught up')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'Dead-letter topics: inspect, replay without loss, drain, purge')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Regenerate completions/ and man/ from the command definitions (for maintainers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evctl;help;cluster' {
            break
        }
        'evctl;help;config' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the contexts of the config file')
            [CompletionResult]::new('current', 'current', [CompletionResultType]::ParameterValue, 'Print the name of the context in use')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a context the current one (rewrites only the current_context line of the file)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the settings in effect and where each comes from (secrets masked), or one context''s')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file')
            [CompletionResult]::new('set-context', 'set-context', [CompletionResultType]::ParameterValue, 'Create a context, or change the settings given in an existing one (the rest of the file, comments included, stays as it is). Takes the connection flags (-b, --tls-ca, --sasl-mechanism, ...) and secret references; never a secret itself')
            [CompletionResult]::new('delete-context', 'delete-context', [CompletionResultType]::ParameterValue, 'Remove a context (and current_context, when it names it)')
            [CompletionResult]::new('rename-context', 'rename-context', [CompletionResultType]::ParameterValue, 'Rename a context (and current_context with it)')
            break
        }
        'evctl;help;config;list' {
            break
        }
        'evctl;help;config;current' {
            break
        }
        'evctl;help;config;use' {
            break
        }
        'evctl;help;config;show' {
            break
        }
        'evctl;help;config;path' {
            break
        }
        'evctl;help;config;set-context' {
            break
        }
        'evctl;help;config;delete-context' {
            break
        }
        'evctl;help;config;rename-context' {
            break
        }
        'evctl;help;schema' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that a new schema is compatible with earlier versions (files, a directory, a git ref or a registry)')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a schema version from the registry')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registry''s subjects, or one subject''s versions')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema under a subject (exit 3 when the registry finds it incompatible)')
            break
        }
        'evctl;help;schema;check' {
            break
        }
        'evctl;help;schema;get' {
            break
        }
        'evctl;help;schema;list' {
            break
        }
        'evctl;help;schema;register' {
            break
        }
        'evctl;help;validate' {
            break
        }
        'evctl;help;plan' {
            break
        }
        'evctl;help;apply' {
            break
        }
        'evctl;help;export' {
            break
        }
        'evctl;help;orphans' {
            break
        }
        'evctl;help;publish' {
            break
        }
        'evctl;help;tail' {
            break
        }
        'evctl;help;lag' {
            break
        }
        'evctl;help;dlq' {
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Count dead letters by error class, original topic and time; first and last seen; a sample')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Send dead letters back to their original topic (or --to), resumable through a group')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Move a group past matching dead letters without producing them (acknowledge as handled)')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete a dead-letter topic''s records before an offset or a time (DeleteRecords)')
            break
        }
        'evctl;help;dlq;inspect' {
            break
        }
        'evctl;help;dlq;replay' {
            break
        }
        'evctl;help;dlq;drain' {
            break
        }
        'evctl;help;dlq;purge' {
            break
        }
        'evctl;help;completion' {
            break
        }
        'evctl;help;generate-docs' {
            break
        }
        'evctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
