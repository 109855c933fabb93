import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { SignOutButton } from '@/components/sign-out-button';
import { paths } from '@/lib/access/paths';

interface AppHeaderProps {
  clinicName: string;
  personName?: string;
  personDetail?: string;
  /** Shown first in the header on narrow screens: the navigation's menu button. */
  menuButton?: ReactNode;
}

export function AppHeader({ clinicName, personName, personDetail, menuButton }: AppHeaderProps) {
  return (
    <header className="app-header">
      {menuButton}
      <div className="app-header-brand">
        <Link to={paths.home} className="clinic-name">
          {clinicName}
        </Link>
        <span className="app-name">Client Referral Program</span>
      </div>
      <div className="app-header-user">
        {personName ? (
          <p className="signed-in-as">
            <span className="visually-hidden">Signed in as </span>
            <span className="person-name">{personName}</span>
            {personDetail ? <span className="person-detail">{personDetail}</span> : null}
          </p>
        ) : null}
        <SignOutButton />
      </div>
    </header>
  );
}

export function SkipLink() {
  return (
    <a href="#main" className="skip-link">
      Skip to main content
    </a>
  );
}
