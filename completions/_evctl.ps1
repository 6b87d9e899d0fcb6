
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
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check spec files (topics.yaml) offline: every problem with its file:line:col')
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
        'evctl;config;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the contexts of the config file')
            [CompletionResult]::new('current', 'current', [CompletionResultType]::ParameterValue, 'Print the name of the context in use')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a context the current one (rewrites only the current_context line of the file)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the settings in effect and where each comes from (secrets masked), or one context''s')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of the config file')
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
        'evctl;config;help;help' {
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
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check spec files (topics.yaml) offline: every problem with its file:line:col')
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
        'evctl;help;validate' {
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
