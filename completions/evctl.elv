
use builtin;
use str;

set edit:completion:arg-completer[evctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'evctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'evctl'= {
            cand -b 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --brokers 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --context 'Context of the config file to use instead of its current_context'
            cand --config 'Config file [default: ~/.config/evctl/config.yaml]'
            cand --timeout 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]'
            cand --client-id 'Client id sent to the brokers [default: evctl]'
            cand --tls-ca 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]'
            cand --tls-cert 'PEM client certificate (chain) for mutual TLS'
            cand --tls-key 'PEM private key of the client certificate'
            cand --tls-server-name 'Name to send as SNI and to verify the certificate against [default: the broker''s host]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL username'
            cand --sasl-password-file 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)'
            cand -o 'Output format of data on stdout'
            cand --output 'Output format of data on stdout'
            cand --color 'When to use colours (NO_COLOR is honoured in auto)'
            cand --tls 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
            cand --no-tls 'Connect in plain text even if the context enables TLS'
            cand --tls-insecure 'Do not verify broker certificates. Only for throwaway test clusters'
            cand -q 'Print only data and errors (no status lines)'
            cand --quiet 'Print only data and errors (no status lines)'
            cand -v 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand --verbose 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand cluster 'Show the cluster: id, controller, brokers, topic and partition counts, API versions'
            cand config 'Manage connection contexts in the config file'
            cand completion 'Print a shell completion script'
            cand generate-docs 'Regenerate completions/ and man/ from the command definitions (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evctl;cluster'= {
            cand -b 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --brokers 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --context 'Context of the config file to use instead of its current_context'
            cand --config 'Config file [default: ~/.config/evctl/config.yaml]'
            cand --timeout 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]'
            cand --client-id 'Client id sent to the brokers [default: evctl]'
            cand --tls-ca 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]'
            cand --tls-cert 'PEM client certificate (chain) for mutual TLS'
            cand --tls-key 'PEM private key of the client certificate'
            cand --tls-server-name 'Name to send as SNI and to verify the certificate against [default: the broker''s host]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL username'
            cand --sasl-password-file 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)'
            cand -o 'Output format of data on stdout'
            cand --output 'Output format of data on stdout'
            cand --color 'When to use colours (NO_COLOR is honoured in auto)'
            cand --api-versions 'Also list the API versions each broker supports, marking the ones evctl needs that are missing'
            cand --tls 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
            cand --no-tls 'Connect in plain text even if the context enables TLS'
            cand --tls-insecure 'Do not verify broker certificates. Only for throwaway test clusters'
            cand -q 'Print only data and errors (no status lines)'
            cand --quiet 'Print only data and errors (no status lines)'
            cand -v 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand --verbose 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'evctl;config'= {
            cand -b 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --brokers 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --context 'Context of the config file to use instead of its current_context'
            cand --config 'Config file [default: ~/.config/evctl/config.yaml]'
            cand --timeout 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]'
            cand --client-id 'Client id sent to the brokers [default: evctl]'
            cand --tls-ca 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]'
            cand --tls-cert 'PEM client certificate (chain) for mutual TLS'
            cand --tls-key 'PEM private key of the client certificate'
            cand --tls-server-name 'Name to send as SNI and to verify the certificate against [default: the broker''s host]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL username'
            cand --sasl-password-file 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)'
            cand -o 'Output format of data on stdout'
            cand --output 'Output format of data on stdout'
            cand --color 'When to use colours (NO_COLOR is honoured in auto)'
            cand --tls 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
            cand --no-tls 'Connect in plain text even if the context enables TLS'
            cand --tls-insecure 'Do not verify broker certificates. Only for throwaway test clusters'
            cand -q 'Print only data and errors (no status lines)'
            cand --quiet 'Print only data and errors (no status lines)'
            cand -v 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand --verbose 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the contexts of the config file'
            cand current 'Print the name of the context in use'
            cand use 'Make a context the current one (rewrites only the current_context line of the file)'
            cand show 'Show the settings in effect and where each comes from (secrets masked), or one context''s'
            cand path 'Print the path of the config file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evctl;config;list'= {
            cand -b 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --brokers 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --context 'Context of the config file to use instead of its current_context'
            cand --config 'Config file [default: ~/.config/evctl/config.yaml]'
            cand --timeout 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]'
            cand --client-id 'Client id sent to the brokers [default: evctl]'
            cand --tls-ca 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]'
            cand --tls-cert 'PEM client certificate (chain) for mutual TLS'
            cand --tls-key 'PEM private key of the client certificate'
            cand --tls-server-name 'Name to send as SNI and to verify the certificate against [default: the broker''s host]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL username'
            cand --sasl-password-file 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)'
            cand -o 'Output format of data on stdout'
            cand --output 'Output format of data on stdout'
            cand --color 'When to use colours (NO_COLOR is honoured in auto)'
            cand --tls 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
            cand --no-tls 'Connect in plain text even if the context enables TLS'
            cand --tls-insecure 'Do not verify broker certificates. Only for throwaway test clusters'
            cand -q 'Print only data and errors (no status lines)'
            cand --quiet 'Print only data and errors (no status lines)'
            cand -v 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand --verbose 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'evctl;config;current'= {
            cand -b 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --brokers 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --context 'Context of the config file to use instead of its current_context'
            cand --config 'Config file [default: ~/.config/evctl/config.yaml]'
            cand --timeout 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]'
            cand --client-id 'Client id sent to the brokers [default: evctl]'
            cand --tls-ca 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]'
            cand --tls-cert 'PEM client certificate (chain) for mutual TLS'
            cand --tls-key 'PEM private key of the client certificate'
            cand --tls-server-name 'Name to send as SNI and to verify the certificate against [default: the broker''s host]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL username'
            cand --sasl-password-file 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)'
            cand -o 'Output format of data on stdout'
            cand --output 'Output format of data on stdout'
            cand --color 'When to use colours (NO_COLOR is honoured in auto)'
            cand --tls 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
            cand --no-tls 'Connect in plain text even if the context enables TLS'
            cand --tls-insecure 'Do not verify broker certificates. Only for throwaway test clusters'
            cand -q 'Print only data and errors (no status lines)'
            cand --quiet 'Print only data and errors (no status lines)'
            cand -v 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand --verbose 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'evctl;config;use'= {
            cand -b 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --brokers 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --context 'Context of the config file to use instead of its current_context'
            cand --config 'Config file [default: ~/.config/evctl/config.yaml]'
            cand --timeout 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]'
            cand --client-id 'Client id sent to the brokers [default: evctl]'
            cand --tls-ca 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]'
            cand --tls-cert 'PEM client certificate (chain) for mutual TLS'
            cand --tls-key 'PEM private key of the client certificate'
            cand --tls-server-name 'Name to send as SNI and to verify the certificate against [default: the broker''s host]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL username'
            cand --sasl-password-file 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)'
            cand -o 'Output format of data on stdout'
            cand --output 'Output format of data on stdout'
            cand --color 'When to use colours (NO_COLOR is honoured in auto)'
            cand --tls 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
            cand --no-tls 'Connect in plain text even if the context enables TLS'
            cand --tls-insecure 'Do not verify broker certificates. Only for throwaway test clusters'
            cand -q 'Print only data and errors (no status lines)'
            cand --quiet 'Print only data and errors (no status lines)'
            cand -v 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand --verbose 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'evctl;config;show'= {
            cand -b 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --brokers 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --context 'Context of the config file to use instead of its current_context'
            cand --config 'Config file [default: ~/.config/evctl/config.yaml]'
            cand --timeout 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]'
            cand --client-id 'Client id sent to the brokers [default: evctl]'
            cand --tls-ca 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]'
            cand --tls-cert 'PEM client certificate (chain) for mutual TLS'
            cand --tls-key 'PEM private key of the client certificate'
            cand --tls-server-name 'Name to send as SNI and to verify the certificate against [default: the broker''s host]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL username'
            cand --sasl-password-file 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)'
            cand -o 'Output format of data on stdout'
            cand --output 'Output format of data on stdout'
            cand --color 'When to use colours (NO_COLOR is honoured in auto)'
            cand --tls 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
            cand --no-tls 'Connect in plain text even if the context enables TLS'
            cand --tls-insecure 'Do not verify broker certificates. Only for throwaway test clusters'
            cand -q 'Print only data and errors (no status lines)'
            cand --quiet 'Print only data and errors (no status lines)'
            cand -v 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand --verbose 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'evctl;config;path'= {
            cand -b 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --brokers 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --context 'Context of the config file to use instead of its current_context'
            cand --config 'Config file [default: ~/.config/evctl/config.yaml]'
            cand --timeout 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]'
            cand --client-id 'Client id sent to the brokers [default: evctl]'
            cand --tls-ca 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]'
            cand --tls-cert 'PEM client certificate (chain) for mutual TLS'
            cand --tls-key 'PEM private key of the client certificate'
            cand --tls-server-name 'Name to send as SNI and to verify the certificate against [default: the broker''s host]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL username'
            cand --sasl-password-file 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)'
            cand -o 'Output format of data on stdout'
            cand --output 'Output format of data on stdout'
            cand --color 'When to use colours (NO_COLOR is honoured in auto)'
            cand --tls 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
            cand --no-tls 'Connect in plain text even if the context enables TLS'
            cand --tls-insecure 'Do not verify broker certificates. Only for throwaway test clusters'
            cand -q 'Print only data and errors (no status lines)'
            cand --quiet 'Print only data and errors (no status lines)'
            cand -v 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand --verbose 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'evctl;config;help'= {
            cand list 'List the contexts of the config file'
            cand current 'Print the name of the context in use'
            cand use 'Make a context the current one (rewrites only the current_context line of the file)'
            cand show 'Show the settings in effect and where each comes from (secrets masked), or one context''s'
            cand path 'Print the path of the config file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evctl;config;help;list'= {
        }
        &'evctl;config;help;current'= {
        }
        &'evctl;config;help;use'= {
        }
        &'evctl;config;help;show'= {
        }
        &'evctl;config;help;path'= {
        }
        &'evctl;config;help;help'= {
        }
        &'evctl;completion'= {
            cand -b 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --brokers 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --context 'Context of the config file to use instead of its current_context'
            cand --config 'Config file [default: ~/.config/evctl/config.yaml]'
            cand --timeout 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]'
            cand --client-id 'Client id sent to the brokers [default: evctl]'
            cand --tls-ca 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]'
            cand --tls-cert 'PEM client certificate (chain) for mutual TLS'
            cand --tls-key 'PEM private key of the client certificate'
            cand --tls-server-name 'Name to send as SNI and to verify the certificate against [default: the broker''s host]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL username'
            cand --sasl-password-file 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)'
            cand -o 'Output format of data on stdout'
            cand --output 'Output format of data on stdout'
            cand --color 'When to use colours (NO_COLOR is honoured in auto)'
            cand --tls 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
            cand --no-tls 'Connect in plain text even if the context enables TLS'
            cand --tls-insecure 'Do not verify broker certificates. Only for throwaway test clusters'
            cand -q 'Print only data and errors (no status lines)'
            cand --quiet 'Print only data and errors (no status lines)'
            cand -v 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand --verbose 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'evctl;generate-docs'= {
            cand -b 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --brokers 'Bootstrap brokers, host:port, comma-separated or repeated'
            cand --context 'Context of the config file to use instead of its current_context'
            cand --config 'Config file [default: ~/.config/evctl/config.yaml]'
            cand --timeout 'Deadline for connecting and for each request, retries included (e.g. 10s, 500ms, 2m) [default: 10s]'
            cand --client-id 'Client id sent to the brokers [default: evctl]'
            cand --tls-ca 'PEM file of the CA certificates that sign the brokers'' certificates [default: system roots]'
            cand --tls-cert 'PEM client certificate (chain) for mutual TLS'
            cand --tls-key 'PEM private key of the client certificate'
            cand --tls-server-name 'Name to send as SNI and to verify the certificate against [default: the broker''s host]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL username'
            cand --sasl-password-file 'File holding the SASL password (or set EVCTL_SASL_PASSWORD; there is no password flag, so it never shows in process lists or shell history)'
            cand -o 'Output format of data on stdout'
            cand --output 'Output format of data on stdout'
            cand --color 'When to use colours (NO_COLOR is honoured in auto)'
            cand --tls 'Connect with TLS (implied by --tls-ca, --tls-cert or --tls-insecure)'
            cand --no-tls 'Connect in plain text even if the context enables TLS'
            cand --tls-insecure 'Do not verify broker certificates. Only for throwaway test clusters'
            cand -q 'Print only data and errors (no status lines)'
            cand --quiet 'Print only data and errors (no status lines)'
            cand -v 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand --verbose 'Say more on stderr (-v info, -vv debug, -vvv protocol trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'evctl;help'= {
            cand cluster 'Show the cluster: id, controller, brokers, topic and partition counts, API versions'
            cand config 'Manage connection contexts in the config file'
            cand completion 'Print a shell completion script'
            cand generate-docs 'Regenerate completions/ and man/ from the command definitions (for maintainers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evctl;help;cluster'= {
        }
        &'evctl;help;config'= {
            cand list 'List the contexts of the config file'
            cand current 'Print the name of the context in use'
            cand use 'Make a context the current one (rewrites only the current_context line of the file)'
            cand show 'Show the settings in effect and where each comes from (secrets masked), or one context''s'
            cand path 'Print the path of the config file'
        }
        &'evctl;help;config;list'= {
        }
        &'evctl;help;config;current'= {
        }
        &'evctl;help;config;use'= {
        }
        &'evctl;help;config;show'= {
        }
        &'evctl;help;config;path'= {
        }
        &'evctl;help;completion'= {
        }
        &'evctl;help;generate-docs'= {
        }
        &'evctl;help;help'= {
        }
    ]
    $completions[$command]
}
