import { createHash } from 'node:crypto';

/**
 * The key a personal link's token is stored under: its SHA-256, without the pepper. A link carries 256 bits
 * from the CSPRNG, so a leaked table yields no link however fast one hashes; what the pepper guards, short or
 * guessable values (codes, addresses), keeps it. Without it the answer page looks the link up at once, while
 * the pepper is still unread (decision 136).
 */
export const linkKey = (link: string): string => createHash('sha256').update(link).digest('hex');
