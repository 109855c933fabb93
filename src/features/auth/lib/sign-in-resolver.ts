/**
 * The sign-in form's validation: its zod schema through React Hook Form's resolver. A module of its
 * own so the sign-in page can load it when it is needed (see sign-in-page.tsx), not before the
 * page can show.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { signInSchema } from '../schemas';

export const signInResolver = zodResolver(signInSchema);
