/**
 * The environment, read once into a typed, validated config. Every variable
 * the server reads is here (and in the README's configuration table).
 */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  logLevel: string;
  introspection: boolean;
  production: boolean;
  defaultPhoneCountry: string | undefined;
  staticDir: string | undefined;
}

export class ConfigError extends Error {}

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, not "${raw}".`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}".`);
  const databaseUrl = env.DATABASE_URL?.trim() || 'sqlite:./data/accueil.sqlite';
  if (!/^(mysql|mariadb):\/\//.test(databaseUrl) && !databaseUrl.startsWith('sqlite:')) {
    throw new ConfigError('DATABASE_URL must start with mysql:// or sqlite:.');
  }
  const country = env.DEFAULT_PHONE_COUNTRY?.trim().toUpperCase() || undefined;
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    throw new ConfigError(`DEFAULT_PHONE_COUNTRY must be a two-letter country code such as US, not "${country}".`);
  }
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    introspection: bool('GRAPHQL_INTROSPECTION', env.GRAPHQL_INTROSPECTION, true),
    production: env.NODE_ENV === 'production',
    defaultPhoneCountry: country,
    staticDir: env.STATIC_DIR?.trim() || undefined,
  };
}
